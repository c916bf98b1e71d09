import { expect, test, type Browser, type Page, type Route } from '@playwright/test';
import { answerQuestionnaire, createGroup, expectAccessible, owner, signIn } from './support';

// Four screens and five phones through nine stages: long on a shared 2-core machine.
test.setTimeout(600_000);

type Screen = { page: Page; name: string; width: number; height: number; projector: boolean };

async function open(browser: Browser, baseURL: string, width: number, height: number, storageState?: string) {
	const context = await browser.newContext({
		viewport: { width, height },
		locale: 'fr-FR',
		baseURL,
		hasTouch: width < 500,
		...(storageState ? { storageState: JSON.parse(storageState) } : {})
	});
	return context.newPage();
}

const size = (page: Page) =>
	page.evaluate(() => ({
		width: document.documentElement.scrollWidth,
		height: document.documentElement.scrollHeight,
		innerWidth: innerWidth,
		innerHeight: innerHeight,
		// The projector's main box is the screen's height and hides what overflows it: what it holds
		// must fit inside it, or something is cut off at the bottom.
		overflow: (() => {
			const main = document.querySelector('main');
			return main ? main.scrollHeight - main.clientHeight : 0;
		})()
	}));

test('every screen fits its viewport at every stage, and the projector never scrolls', async ({
	page,
	browser,
	baseURL
}, testInfo) => {
	await signIn(page, owner.email, owner.password);
	const groupUrl = await createGroup(page, 'Commission extra-municipale');
	await page.goto(`${groupUrl}/rules`);
	for (const rule of ['On parle en « je »', 'On décide par consentement', 'On finit à l’heure annoncée']) {
		await page.getByLabel('Texte de la nouvelle règle').fill(rule);
		await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
		await expect(page.getByRole('button', { name: `Retirer : ${rule}` })).toBeVisible();
	}

	// The 90-minute format skips the cards and says why.
	await page.goto(`${groupUrl}/sessions`);
	await page.getByLabel('Titre de la séance').fill('Revue en 90 minutes');
	await page.getByText('Ce que changent les formats courts').click();
	await expect(page.getByRole('cell', { name: 'sauté', exact: true })).toBeVisible();
	await page.getByRole('radio', { name: /90 minutes/ }).check();
	await page.getByRole('button', { name: 'Créer la séance' }).click();
	const plan = page.locator('ol.plan > li');
	await expect(plan.nth(4).getByRole('checkbox', { name: 'Passer ce temps' })).toBeChecked();
	await expect(plan.nth(4).getByText(/Sauté dans ce format/)).toBeVisible();
	// One level in the second questionnaire keeps the test short.
	await plan.nth(5).getByRole('checkbox', { name: 'Dans' }).uncheck();
	await plan
		.nth(5)
		.getByRole('button', { name: /Enregistrer/ })
		.click();
	await expect(plan.nth(5).getByRole('checkbox', { name: 'Dans' })).not.toBeChecked();
	// Saving keeps the other level ticked (a form reset once unticked them all).
	await expect(plan.nth(5).getByRole('checkbox', { name: 'Nous' })).toBeChecked();
	await page.getByRole('button', { name: 'Ouvrir la séance' }).click();
	const code = (await page.locator('.join strong').nth(1).textContent())!.trim();
	const sessionId = page.url().split('/').pop();
	await expect(page.getByText(/Ce temps\u00a0: 0 min sur 5 prévues/)).toBeVisible();
	await expect(page.getByText(/Séance\u00a0: 0 min sur 90/)).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Clavier et télécommande' })).toBeVisible();

	const state = JSON.stringify(await page.context().storageState());
	const screens: Screen[] = [{ page, name: 'control-1366', width: 1366, height: 768, projector: false }];
	for (const [width, height] of [
		[1920, 1080],
		[1024, 768],
		[1366, 768]
	] as const) {
		const projector = await open(browser, baseURL!, width, height, state);
		await projector.goto(`/present/${sessionId}`);
		screens.push({ page: projector, name: `projector-${width}`, width, height, projector: true });
	}
	const control390 = await open(browser, baseURL!, 390, 844, state);
	await control390.goto(page.url());
	screens.push({ page: control390, name: 'control-390', width: 390, height: 844, projector: false });
	const projector = screens[1]!.page;
	await expect(projector.getByRole('button', { name: 'Plein écran' })).toBeVisible();

	const phones = await Promise.all(Array.from({ length: 5 }, () => open(browser, baseURL!, 390, 844)));
	for (const phone of phones) {
		await phone.goto(`/j/${code}`);
		await phone.getByRole('button', { name: 'Participer' }).click();
		await expect(phone.getByRole('heading', { name: 'Se rendre disponible' })).toBeVisible();
	}
	screens.push({ page: phones[0]!, name: 'phone-390', width: 390, height: 844, projector: false });
	await expect(projector.getByText('5 connecté·es')).toBeVisible();
	await expect(page.getByText('5 personnes connectées')).toBeVisible();

	/** No page wider than its screen; a projector no taller either. Screenshots to look at. */
	async function check(stage: string, activity: string) {
		for (const screen of screens) {
			if (screen.projector) await expect(screen.page.locator('main')).toHaveAttribute('data-activity', activity);
			// Charts draw after the data: measure once they are there.
			await screen.page.waitForLoadState('networkidle').catch(() => {});
			const measured = await size(screen.page);
			expect(measured.width, `${screen.name} at ${stage}: width`).toBeLessThanOrEqual(screen.width);
			if (screen.projector) {
				expect(measured.height, `${screen.name} at ${stage}: height`).toBeLessThanOrEqual(screen.height);
				expect(measured.overflow, `${screen.name} at ${stage}: cut off`).toBeLessThanOrEqual(1);
			}
			if ((screen.projector && screen.width !== 1366) || stage === '7-reveal')
				await screen.page.screenshot({
					path: testInfo.outputPath(`${stage}-${screen.name}.png`),
					fullPage: !screen.projector
				});
		}
	}
	// A key, like a click, is dropped while the form waits for the server's answer to the last one.
	const press = async (key: string) => {
		await expect(page.locator('form[aria-busy="true"]')).toHaveCount(0);
		await page.keyboard.press(key);
	};
	const next = async (title: string) => {
		await press('PageDown');
		await expect(page.locator('#current-stage')).toHaveText(title);
	};

	// 1. Check-in: the join screen with its code beside the QR, even at 1024×768.
	await check('1-join', 'checkin');
	await expectAccessible(projector);
	await press('o');
	await expect(page.getByRole('button', { name: 'Clore l’activité' })).toBeVisible();
	for (const [index, phone] of phones.entries()) {
		await phone.locator(`input[name="availability"][value="${(index % 5) + 1}"]`).check();
		await phone.getByRole('button', { name: 'Envoyer' }).click();
		await expect(phone.getByText('C’est enregistré.')).toBeVisible();
	}
	await expect(projector.getByText('5 réponses')).toBeVisible();
	await check('1-checkin', 'checkin');

	// 2. Connect: the names count as answers (not "0 réponses").
	await next('Se mettre en lien');
	await press('o');
	for (const [index, phone] of phones.entries()) {
		await expect(phone.getByRole('heading', { name: 'Se mettre en lien' })).toBeVisible();
		await phone.getByLabel(/Votre prénom/).fill(`Personne ${index + 1}`);
		await phone.getByText('Habitant·e').click();
		await phone.getByRole('button', { name: 'Envoyer' }).click();
		await expect(phone.getByText('C’est enregistré.')).toBeVisible();
	}
	await expect(projector.getByText('5 réponses')).toBeVisible();
	// The pairs' question of the stage's guide, for the room to read while people talk.
	await expect(projector.getByText(/En binôme, trois minutes chacun·e/)).toBeVisible();
	await check('2-connect', 'connect');

	// A double click on "Temps suivant" moves one stage only; the button shows it is waiting.
	const slowNext = (url: URL) => url.search === '?/next';
	await page.route(slowNext, async (route) => {
		await new Promise((resolve) => setTimeout(resolve, 1_500));
		await route.continue();
	});
	await page.getByRole('button', { name: /Temps suivant/ }).dblclick();
	await expect(page.locator('button.pending')).toBeVisible();
	await expect(page.locator('form[aria-busy="true"]')).toHaveCount(1);
	await expect(page.locator('#current-stage')).toHaveText('Poser le cadre');
	await page.unroute(slowNext);
	await page.waitForLoadState('networkidle');
	await expect(page.locator('#current-stage')).toHaveText('Poser le cadre');

	// 3. Frame: the tallies once closed. The projector's data comes back 3 s late here, as on a slow
	// wifi: the reload the last consent asks for is still on its way, with the round still open, when
	// the activity closes. The projector reloads again after it (the close's reload was once dropped
	// behind it, and the projector kept showing the open round).
	const lateData = async (route: Route) => {
		const response = await route.fetch();
		await new Promise((resolve) => setTimeout(resolve, 3_000));
		await route.fulfill({ response });
	};
	const isData = (url: URL) => url.pathname.endsWith('/__data.json');
	await projector.route(isData, lateData);
	await press('o');
	for (const phone of phones) {
		const consent = phone.getByRole('button', { name: 'Je consens' });
		await expect(consent).toHaveCount(3);
		for (let rule = 0; rule < 3; rule++) {
			await consent.nth(rule).click();
			await expect(consent.nth(rule)).toHaveAttribute('aria-pressed', 'true');
		}
	}
	await press('o');
	await expect(projector.getByText(/5 consentent/).first()).toBeVisible({ timeout: 15_000 });
	// Waits for a held answer still on its way: removing the route would otherwise answer it itself.
	await projector.unrouteAll({ behavior: 'wait' });
	await check('3-frame', 'frame');

	// 4. Questionnaire: finished people are not "en cours".
	await next('Introspecter');
	await press('o');
	for (const [index, phone] of phones.entries())
		await answerQuestionnaire(phone, 12, (s) => [String((s + index) % 5), '3']);
	await expect(page.getByText('5 réponses sur 5 · 0 en cours')).toBeVisible();
	await expect(projector.getByText(/En binôme, avant de répondre/)).toBeVisible();
	await check('4-questionnaire', 'questionnaire');

	// 5 is skipped by the format; 6. the second questionnaire.
	await next('Changer de position de perception');
	await press('o');
	for (const [index, phone] of phones.entries())
		await answerQuestionnaire(phone, 12, (s) => [String((s + index + 1) % 5), '2']);
	await expect(projector.getByText('5 réponses')).toBeVisible();
	await check('6-questionnaire', 'questionnaire');

	// 7. Reveal: the radar fits beside the largest gaps; then the dark theme, pushed live.
	await next('Éprouver sa maturité coopérative');
	await check('7-before-reveal', 'reveal');
	await press('r');
	// The reveal freezes the results and every screen reloads them: slow on a loaded machine.
	await expect(page.getByRole('button', { name: 'Masquer les résultats' })).toBeVisible({ timeout: 20_000 });
	await expect(projector.locator('canvas')).toBeVisible({ timeout: 20_000 });
	await expect(projector.getByText(/Personnes qui ont répondu\u00a0: 5\./)).toBeVisible();
	await check('7-reveal', 'reveal');
	await page.getByRole('button', { name: 'Thème sombre à fort contraste' }).click();
	await expect(projector.locator('main.dark')).toBeVisible();
	await check('7-reveal-dark', 'reveal');
	await expectAccessible(projector);
	await page.getByRole('button', { name: 'Thème sombre à fort contraste' }).click();
	await expect(projector.locator('main.dark')).toHaveCount(0);

	// Back at a questionnaire whose results went out: the projector does not say "not yet open".
	await press('ArrowLeft');
	await expect(page.locator('#current-stage')).toHaveText('Changer de position de perception');
	await expect(projector.getByText('Activité close')).toBeVisible();
	await expect(projector.getByText('Activité pas encore ouverte')).toHaveCount(0);
	await next('Éprouver sa maturité coopérative');

	// 8. Feedback: its own prompt and count, no radar unless recalled.
	await next('Nourrir en retour');
	await expect(projector.locator('canvas')).toHaveCount(0);
	await press('o');
	await phones[3]!.getByLabel(/Ce que je retiens/).fill('Le radar nous parle');
	await phones[3]!.getByRole('button', { name: 'Envoyer' }).click();
	await expect(phones[3]!.getByText('C’est enregistré.')).toBeVisible();
	for (const text of [
		'Inviter le conseil des jeunes',
		'Publier le bilan en ligne',
		'Tenir la séance au centre social'
	]) {
		await page.getByLabel('Ce que le collectif s’engage à faire').fill(text);
		await page.getByRole('button', { name: 'Ajouter l’engagement' }).click();
		await expect(projector.getByText(text)).toBeVisible();
	}
	await expect(projector.getByText('1 réponse', { exact: true })).toBeVisible();
	await check('8-feedback', 'feedback');
	await page.getByRole('button', { name: 'Remontrer les résultats' }).click();
	await expect(projector.locator('canvas')).toBeVisible();
	await check('8-recalled', 'feedback');

	// 9. Settle.
	await next('Décanter');
	await expect(projector.locator('canvas')).toHaveCount(0);
	await check('9-settle', 'settle');
	await page.getByRole('button', { name: 'Clore la séance' }).click();
	await expect(projector.getByRole('heading', { name: 'Merci à toutes et à tous' })).toBeVisible();
	await check('closed', 'settle');
});
