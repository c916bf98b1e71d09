import { expect, test } from '@playwright/test';
import { expectAccessible, owner, signIn } from './support';

// The quarterly review: at stage 3 the facilitator follows each commitment's measures from the
// control view, while the room reads them on the projector; the Pacte page shows the same.
test('at stage 3 the control view follows the pact’s measures, and the Pacte page and the projector show them', async ({
	page
}, testInfo) => {
	await signIn(page, owner.email, owner.password);
	// The demo group has a pact with commitments whose measures are followed.
	await page.getByRole('link', { name: /Démo — COP locale/ }).click();
	await expect(page.getByRole('heading', { name: 'Évolution du collectif' })).toBeVisible();
	const groupUrl = new URL(page.url()).pathname;
	await page.goto(`${groupUrl}/sessions`);
	await page.getByLabel('Titre de la séance').fill(`Revue des mesures ${testInfo.project.name}`);
	await page.getByRole('button', { name: 'Créer la séance' }).click();
	await page.getByRole('button', { name: 'Ouvrir la séance' }).click();
	const control = new URL(page.url()).pathname;
	for (const title of ['Se mettre en lien', 'Poser le cadre']) {
		await page.getByRole('button', { name: /Temps suivant/ }).click();
		await expect(page.locator('#current-stage')).toHaveText(title);
	}

	const letter = 'Une lettre d’information après chaque séance';
	const note = `La première lettre est partie (${testInfo.project.name}).`;
	const measure = page.locator('form', { hasText: letter });
	await measure.getByLabel('État de la mesure').selectOption('done');
	await measure.getByLabel('Note de suivi').fill(note);
	await measure.getByRole('button', { name: /Enregistrer/ }).click();
	await expect(page.locator('form[aria-busy="true"]')).toHaveCount(0);
	await page.reload();
	await expect(measure.getByLabel('État de la mesure')).toHaveValue('done');
	await expect(measure.getByLabel('Note de suivi')).toHaveValue(note);
	await expectAccessible(page);

	await page.goto(`/present/${control.split('/').pop()}`);
	await expect(page.getByText(letter)).toBeVisible();
	await expect(page.locator('li', { hasText: letter }).getByText('Réalisée')).toBeVisible();

	await page.goto(`${groupUrl}/pact`);
	const onPactPage = page.locator('form', { hasText: letter });
	await expect(onPactPage.getByLabel('État de la mesure')).toHaveValue('done');
	await expect(onPactPage.getByLabel('Note de suivi')).toHaveValue(note);
});
