import { expect, test, type Browser, type Page } from '@playwright/test';
import { answerQuestionnaire, createGroup, expectAccessible, openSession, owner, signIn } from './support';

test.setTimeout(240_000);

async function newPhone(browser: Browser, baseURL: string): Promise<Page> {
	const context = await browser.newContext({
		viewport: { width: 390, height: 844 },
		locale: 'fr-FR',
		baseURL,
		hasTouch: true
	});
	return context.newPage();
}

test('a facilitator, a projector and five phones run the nine stages', async ({ page, browser, baseURL }, testInfo) => {
	await signIn(page, owner.email, owner.password);
	const groupUrl = await createGroup(page, 'Conseil de quartier');
	await page.goto(`${groupUrl}/rules`);
	await page.getByLabel('Texte de la nouvelle règle').fill('On parle en « je »');
	await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
	await page.goto(`${groupUrl}/sessions`);
	await page.getByLabel('Titre de la séance').fill('Revue trimestrielle');
	await page.getByRole('button', { name: 'Créer la séance' }).click();
	await page.getByRole('button', { name: 'Ouvrir la séance' }).click();
	const code = (await page.locator('.join strong').nth(1).textContent())!.trim();
	expect(code).toMatch(/^[A-Z2-9]{6}$/);
	await expectAccessible(page);

	const projectorContext = await browser.newContext({
		viewport: { width: 1920, height: 1080 },
		locale: 'fr-FR',
		baseURL,
		storageState: await page.context().storageState()
	});
	const projector = await projectorContext.newPage();
	const sessionId = page.url().split('/').pop();
	await projector.goto(`/present/${sessionId}`);
	await expect(projector.locator('.code')).toHaveText(code);
	await expectAccessible(projector);
	await projector.screenshot({ path: testInfo.outputPath('projector-join.png') });

	const phones = await Promise.all(Array.from({ length: 5 }, () => newPhone(browser, baseURL!)));
	for (const phone of phones) {
		await phone.goto('/j');
		await phone.getByLabel('Code de la séance').fill(code.toLowerCase());
		await phone.getByRole('button', { name: 'Rejoindre' }).click();
		await phone.getByRole('button', { name: 'Participer' }).click();
		await expect(phone.getByRole('heading', { name: 'Se rendre disponible' })).toBeVisible();
	}
	await expect(projector.getByText('5 connecté·es')).toBeVisible();
	await expect(phones[0]!.getByText('L’animation va bientôt ouvrir cette activité')).toBeVisible();
	await expectAccessible(phones[0]!);

	// 1. Check-in: the phones follow the facilitator without reloading.
	await page.getByRole('button', { name: 'Ouvrir l’activité' }).click();
	for (const [index, phone] of phones.entries()) {
		await phone
			.getByText(/pleinement/)
			.or(phone.getByText(/plutôt/))
			.first()
			.waitFor();
		await phone.locator(`input[name="availability"][value="${(index % 5) + 1}"]`).check();
		await phone.getByRole('button', { name: 'Envoyer' }).click();
		await expect(phone.getByText('C’est enregistré.')).toBeVisible();
	}
	await expect(projector.getByText('5 réponses')).toBeVisible();
	// The room's words and mean appear once the check-in closes, never while it takes answers.
	await expect(page.getByText(/Disponibilité moyenne/)).toHaveCount(0);
	await page.getByRole('button', { name: 'Clore l’activité' }).click();
	await expect(page.getByText(/Disponibilité moyenne.*3,0 \/ 5 \(5 réponses\)/)).toBeVisible();

	// 2. Connect: the projector shows the room who is there.
	await page.getByRole('button', { name: /Temps suivant/ }).click();
	await page.getByRole('button', { name: 'Ouvrir l’activité' }).click();
	for (const [index, phone] of phones.entries()) {
		await expect(phone.getByRole('heading', { name: 'Se mettre en lien' })).toBeVisible();
		await phone.getByLabel(/Votre prénom/).fill(`Personne ${index + 1}`);
		await phone.getByText('Habitant·e').click();
		await phone.getByRole('button', { name: 'Envoyer' }).click();
		await expect(phone.getByText('C’est enregistré.')).toBeVisible();
	}
	await expect(projector.getByText('Personne 1 · Personne 2 · Personne 3 · Personne 4 · Personne 5')).toBeVisible();

	// 3. Frame: consent on the ground rules; the tallies appear once the activity closes.
	await page.getByRole('button', { name: /Temps suivant/ }).click();
	await page.getByRole('button', { name: 'Ouvrir l’activité' }).click();
	for (const phone of phones) {
		await phone.getByRole('button', { name: 'Je consens' }).click();
		await expect(phone.getByRole('button', { name: 'Je consens' })).toHaveAttribute('aria-pressed', 'true');
	}
	await expect(projector.getByText(/5 consentent/)).toHaveCount(0);
	await page.getByRole('button', { name: 'Clore l’activité' }).click();
	await expect(projector.getByText(/5 consentent/)).toBeVisible();

	// 4. Questionnaire at level Je; one phone loses its connection for a while.
	await page.getByRole('button', { name: /Temps suivant/ }).click();
	await page.getByRole('button', { name: 'Ouvrir l’activité' }).click();
	await expectAccessible(phones[1]!);
	await phones[1]!.screenshot({ path: testInfo.outputPath('phone-questionnaire.png') });
	const offline = phones[4]!;
	// It has the questionnaire (phones reload within 1.5 s of a change), then loses the network.
	await expect(offline.getByText('1 / 12')).toBeVisible();
	await offline.context().setOffline(true);
	for (const [index, phone] of phones.entries())
		await answerQuestionnaire(phone, 12, (s) => [String((s + index) % 5), '3']);
	await expect(offline.getByText(/Hors connexion/)).toBeVisible();
	await offline.context().setOffline(false);
	await expect(offline.getByText(/Hors connexion/)).toHaveCount(0, { timeout: 15_000 });
	await expect(projector.getByText('5 réponses')).toBeVisible({ timeout: 10_000 });
	await offline.reload();
	await expect(offline.getByRole('heading', { name: 'Introspecter' })).toBeVisible();

	// 5. Anonymous cards, projected once approved.
	await page.getByRole('button', { name: /Temps suivant/ }).click();
	await page.getByRole('button', { name: 'Ouvrir l’activité' }).click();
	await phones[2]!.getByLabel('Votre carte').fill('Et si on invitait les jeunes ?');
	await phones[2]!.getByRole('button', { name: 'Envoyer la carte' }).click();
	await expect(page.getByText('Et si on invitait les jeunes ?')).toBeVisible();
	await expect(projector.getByText('Et si on invitait les jeunes ?')).toHaveCount(0);
	await page.getByRole('button', { name: 'Projeter' }).click();
	await expect(projector.getByText('Et si on invitait les jeunes ?')).toBeVisible();

	// 6. Questionnaire at levels Nous and Dans.
	await page.getByRole('button', { name: /Temps suivant/ }).click();
	await page.getByRole('button', { name: 'Ouvrir l’activité' }).click();
	for (const [index, phone] of phones.entries())
		await answerQuestionnaire(phone, 24, (s) => [String((s + index) % 5), '2']);
	await expect(projector.getByText('5 réponses')).toBeVisible();

	// 7. Reveal: the radar with the three levels, on the projector and the phones.
	await page.getByRole('button', { name: /Temps suivant/ }).click();
	await page.getByRole('button', { name: 'Afficher les résultats' }).click();
	await expect(projector.locator('canvas')).toBeVisible();
	await expect(projector.getByRole('heading', { name: 'Résultats du collectif' })).toBeVisible();
	await expect(projector.getByText(/Personnes qui ont répondu\u00a0: 5\./)).toBeVisible();
	const table = projector.locator('table');
	for (const level of ['Je', 'Nous', 'Dans'])
		await expect(table.getByText(level, { exact: true }).first()).toBeAttached();
	await expectAccessible(projector);
	await projector.screenshot({ path: testInfo.outputPath('projector-reveal.png') });
	await projector.setViewportSize({ width: 1024, height: 768 });
	await projector.reload();
	await expect(projector.locator('canvas')).toBeVisible();
	await projector.screenshot({ path: testInfo.outputPath('projector-reveal-1024.png') });
	await expect(phones[0]!.locator('canvas')).toBeVisible();
	await phones[0]!.screenshot({ path: testInfo.outputPath('phone-results.png'), fullPage: true });
	// No page wider than its screen: the charts' hidden tables once made phones lay out at 854 px.
	const width = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);
	expect(await width(phones[0]!)).toBeLessThanOrEqual(390);
	expect(await width(projector)).toBeLessThanOrEqual(1024);
	await expectAccessible(phones[0]!);

	// 8. Feedback and a commitment.
	await page.getByRole('button', { name: /Temps suivant/ }).click();
	await page.getByRole('button', { name: 'Ouvrir l’activité' }).click();
	await phones[3]!.getByLabel(/Ce que je retiens/).fill('Le radar nous parle');
	await phones[3]!.getByRole('button', { name: 'Envoyer' }).click();
	await expect(phones[3]!.getByText('C’est enregistré.')).toBeVisible();
	await page.getByLabel('Ce que le collectif s’engage à faire').fill('Inviter le conseil des jeunes');
	await page.getByRole('button', { name: 'Ajouter l’engagement' }).click();
	await expect(projector.getByText('Inviter le conseil des jeunes')).toBeVisible();

	// 9. Settle: the session closes into its settling days.
	await page.getByRole('button', { name: /Temps suivant/ }).click();
	await page.getByRole('button', { name: 'Clore la séance' }).click();
	await expect(phones[0]!.getByRole('heading', { name: 'La séance décante' })).toBeVisible();
	await expect(projector.getByRole('heading', { name: 'Merci à toutes et à tous' })).toBeVisible();
});

test('without JavaScript a phone joins, answers and follows by reloading', async ({ page, browser, baseURL }) => {
	const code = await openSession(page, 'Réseau sans script', 'Séance sans script');
	for (let stage = 1; stage < 4; stage++) await page.getByRole('button', { name: /Temps suivant/ }).click();
	await expect(page.getByRole('heading', { name: 'Introspecter' })).toBeVisible();
	await page.getByRole('button', { name: 'Ouvrir l’activité' }).click();

	const context = await browser.newContext({
		viewport: { width: 390, height: 844 },
		locale: 'fr-FR',
		baseURL,
		javaScriptEnabled: false
	});
	const phone = await context.newPage();
	await phone.goto('/j');
	await phone.getByLabel('Code de la séance').fill(code);
	await phone.getByRole('button', { name: 'Rejoindre' }).click();
	await phone.getByRole('button', { name: 'Participer' }).click();
	await expect(phone.getByText('1 / 12')).toBeVisible();
	await expect(phone.locator('meta[http-equiv="refresh"]')).toHaveCount(1);
	await phone.locator('fieldset.pole').nth(0).locator('input[value="4"]').check();
	await phone.locator('fieldset.pole').nth(1).locator('input[value="x"]').check();
	await phone.getByRole('button', { name: /Suivant/ }).click();
	await expect(phone.getByText('2 / 12')).toBeVisible();
	await phone.getByRole('button', { name: /Précédent/ }).click();
	await expect(phone.locator('fieldset.pole').nth(0).locator('input[value="4"]')).toBeChecked();
	await expect(phone.locator('fieldset.pole').nth(1).locator('input[value="x"]')).toBeChecked();
	await expect(page.getByText('1 en cours')).toBeVisible();

	await page.getByRole('button', { name: /Temps suivant/ }).click();
	await expect(page.getByRole('heading', { name: 'Se dérouter' })).toBeVisible();
	await phone.reload();
	await expect(phone.getByRole('heading', { name: 'Se dérouter' })).toBeVisible();
	await context.close();
});
