import { expect, test } from '@playwright/test';
import { expectAccessible, openDemoGroup, owner, signIn } from './support';

// The quarterly review: at stage 3 the facilitator follows each commitment's measures from the
// control view while the room reads them on the projector; the Pacte page shows the same.
test('at stage 3 the control view follows the pact’s measures, live on the projector and on the Pacte page', async ({
	page,
	browser
}, testInfo) => {
	await signIn(page, owner.email, owner.password);
	// The demo group has a pact with commitments whose measures are followed.
	const groupUrl = await openDemoGroup(page);
	await page.goto(`${groupUrl}/sessions`);
	await page.getByLabel('Titre de la séance').fill(`Revue des mesures ${testInfo.project.name}`);
	await page.getByRole('button', { name: 'Créer la séance' }).click();
	await page.getByRole('button', { name: 'Ouvrir la séance' }).click();
	const sessionId = new URL(page.url()).pathname.split('/').pop();
	for (const title of ['Se mettre en lien', 'Poser le cadre']) {
		await page.getByRole('button', { name: /Temps suivant/ }).click();
		await expect(page.locator('#current-stage')).toHaveText(title);
	}
	const projectorContext = await browser.newContext({
		storageState: await page.context().storageState(),
		viewport: { width: 1366, height: 768 },
		locale: 'fr-FR',
		baseURL: new URL(page.url()).origin
	});
	const projector = await projectorContext.newPage();
	await projector.goto(`/present/${sessionId}`);
	const letter = 'Une lettre d’information après chaque séance';
	await expect(projector.getByText(letter)).toBeVisible();

	// Each project's run moves the measure to a state it is not in yet (the demo has it carried over).
	const [status, label] = testInfo.project.name === 'phone' ? ['dropped', 'Abandonnée'] : ['done', 'Réalisée'];
	const note = `Suivi en séance (${testInfo.project.name}).`;
	const measure = page.locator('form', { hasText: letter });
	await expect(measure.getByLabel('État de la mesure')).not.toHaveValue(status);
	await measure.getByLabel('État de la mesure').selectOption(status);
	await measure.getByLabel('Note de suivi').fill(note);
	await measure.getByRole('button', { name: /Enregistrer/ }).click();
	// The projector follows without being reloaded (the measure's own line: its commitment's holds
	// the other measures too, one of which the demo has dropped).
	await expect(projector.locator('li li', { hasText: letter }).getByText(label)).toBeVisible();
	await page.reload();
	await expect(measure.getByLabel('État de la mesure')).toHaveValue(status);
	await expect(measure.getByLabel('Note de suivi')).toHaveValue(note);
	await expectAccessible(page);

	// A refusal shows on the control view, though the form posts to the session's pact page.
	await measure.getByLabel('Note de suivi').evaluate((input) => input.removeAttribute('maxlength'));
	await measure.getByLabel('Note de suivi').fill('x'.repeat(501));
	await measure.getByRole('button', { name: /Enregistrer/ }).click();
	await expect(page.getByRole('alert')).toHaveText('Une note de suivi tient en 500 caractères au plus.');

	await page.goto(`${groupUrl}/pact`);
	const onPactPage = page.locator('form', { hasText: letter });
	await expect(onPactPage.getByLabel('État de la mesure')).toHaveValue(status);
	await expect(onPactPage.getByLabel('Note de suivi')).toHaveValue(note);
	await projectorContext.close();
});
