import { expect, test } from '@playwright/test';
import { createGroup, expectAccessible, owner, signIn } from './support';

test('an invitation brings a viewer in once; the viewer reads and cannot edit', async ({ page, browser }, testInfo) => {
	const name = `COP locale ${testInfo.project.name}`;
	await signIn(page, owner.email, owner.password);
	const groupUrl = await createGroup(page, name);
	await page.getByRole('link', { name: 'Règles du jeu', exact: true }).click();
	await page.getByLabel('Texte de la nouvelle règle').fill('On arrive à l’heure');
	await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
	await page.getByRole('link', { name: 'Membres', exact: true }).click();
	await page.getByLabel('Rôle de la personne invitée').selectOption('viewer');
	await page.getByRole('button', { name: 'Créer un lien d’invitation' }).click();
	const link = await page.getByLabel('Lien d’invitation').inputValue();
	expect(link).toMatch(/\/invite\/[a-z2-7]{32}$/);
	await expectAccessible(page);

	const other = await browser.newContext({ ...testInfo.project.use, baseURL: undefined });
	const guest = await other.newPage();
	await guest.goto(link);
	await expect(guest.getByText(new RegExp(`rejoindre le collectif «\\s${name}\\s»`))).toBeVisible();
	await expectAccessible(guest);
	const email = `dominique-${testInfo.project.name}@example.org`;
	await guest.getByLabel('Votre nom').fill('Dominique Leroy');
	await guest.getByLabel('Adresse e-mail').fill(email);
	await guest.getByLabel('Mot de passe', { exact: true }).fill('mon mot de passe secret');
	await guest.getByLabel('Confirmez le mot de passe').fill('mon mot de passe secret');
	await guest.getByRole('button', { name: 'Créer mon compte et rejoindre' }).click();
	await expect(guest.getByRole('heading', { level: 1, name })).toBeVisible();
	await expect(guest.getByText('Lecture seule')).toBeVisible();

	// A viewer reads the rules but gets no form to change them, and the server refuses a forged post.
	await guest.getByRole('link', { name: 'Règles du jeu', exact: true }).click();
	await expect(guest.getByText('On arrive à l’heure')).toBeVisible();
	await expect(guest.getByLabel('Texte de la nouvelle règle')).toHaveCount(0);
	await guest.getByRole('link', { name: 'Réglages', exact: true }).click();
	await expect(guest.getByText('Votre rôle vous permet de consulter ce collectif')).toBeVisible();
	const forged = await guest.request.post(`${groupUrl}/rules?/add`, {
		form: { text: 'Règle forcée' },
		headers: { origin: new URL(groupUrl).origin }
	});
	expect(forged.status()).toBe(403);

	// The link worked once.
	await guest.goto(link);
	await expect(guest.getByText('Cette invitation a déjà servi')).toBeVisible();
	await other.close();

	await page.reload();
	await expect(page.getByText('Dominique Leroy', { exact: true })).toBeVisible();
});

test('a group the facilitator does not belong to answers 404', async ({ page }) => {
	await signIn(page, owner.email, owner.password);
	const response = await page.goto('/groups/999999');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { name: 'Page introuvable' })).toBeVisible();
});
