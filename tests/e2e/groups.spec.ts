import { expect, test } from '@playwright/test';
import { createGroup, expectAccessible, owner, signIn } from './support';

test('a group is created, renamed, given ground rules and deleted', async ({ page }, testInfo) => {
	const name = `Conseil de développement ${testInfo.project.name}`;
	await signIn(page, owner.email, owner.password);
	await createGroup(page, name);
	await expectAccessible(page);
	await expect(page.getByText('5 réponses au minimum')).toBeVisible();

	await page.getByRole('link', { name: 'Réglages', exact: true }).click();
	await expectAccessible(page);
	await page.getByLabel('Nom du collectif', { exact: true }).fill(`${name} (renommé)`);
	await page.getByLabel('Seuil d’anonymat').fill('2');
	await page.getByLabel('Seuil d’anonymat').evaluate((input) => input.removeAttribute('min'));
	await page.getByRole('button', { name: 'Enregistrer' }).click();
	await expect(page.getByRole('alert')).toContainText('entre 3 et 50');
	await page.getByLabel('Seuil d’anonymat').fill('4');
	await page.getByRole('button', { name: 'Enregistrer' }).click();
	await expect(page.getByRole('status')).toHaveText('Modifications enregistrées.');
	await expect(page.getByRole('heading', { level: 1, name: `${name} (renommé)` })).toBeVisible();

	await page.getByRole('link', { name: 'Règles du jeu', exact: true }).click();
	for (const rule of ['On parle en « je »', 'On écoute jusqu’au bout', 'Les téléphones restent muets']) {
		await page.getByLabel('Texte de la nouvelle règle').fill(rule);
		await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
		await expect(page.getByLabel(/^Règle \d$/).last()).toHaveValue(rule);
	}
	await expectAccessible(page);
	await page.getByLabel('Règle 2').fill('On écoute chacun jusqu’au bout');
	await page.getByRole('button', { name: 'Enregistrer' }).nth(1).click();
	await expect(page.getByLabel('Règle 2')).toHaveValue('On écoute chacun jusqu’au bout');
	await page.getByRole('button', { name: /^Monter.*Les téléphones restent muets/ }).click();
	await expect(page.getByLabel('Règle 2')).toHaveValue('Les téléphones restent muets');
	await page.getByRole('button', { name: /^Retirer.*On parle en « je »/ }).click();
	await expect(page.getByLabel('Règle 1')).toHaveValue('Les téléphones restent muets');
	await expect(page.getByLabel('Règle 3')).toHaveCount(0);

	await page.getByRole('link', { name: 'Vue d’ensemble', exact: true }).click();
	await expect(page.getByRole('listitem').filter({ hasText: 'On écoute chacun jusqu’au bout' })).toBeVisible();

	await page.getByRole('link', { name: 'Réglages', exact: true }).click();
	await page.getByLabel(/Pour confirmer/).fill('pas le bon nom');
	await page.getByRole('button', { name: 'Supprimer définitivement' }).click();
	await expect(page.getByRole('alert')).toContainText('ne correspond pas');
	await page.getByLabel(/Pour confirmer/).fill(`${name} (renommé)`);
	await page.getByRole('button', { name: 'Supprimer définitivement' }).click();
	await expect(page).toHaveURL(/\/groups$/);
	await expect(page.getByText(name)).toHaveCount(0);
});
