import { expect, test, type Browser, type Page } from '@playwright/test';
import { openSession } from './support';

/** A phone that has joined the session and follows its live stream. */
async function joinedPhone(browser: Browser, baseURL: string, code: string): Promise<Page> {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'fr-FR', baseURL });
	const phone = await context.newPage();
	await phone.goto(`/j/${code}`);
	const following = phone.waitForResponse((response) => response.url().endsWith(`/j/${code}/events`));
	await phone.getByRole('button', { name: 'Participer' }).click();
	await following;
	return phone;
}

/** Records the phone's page loads, which must not happen: a live page reloads its data only. */
function pageLoads(phone: Page): string[] {
	const loads: string[] = [];
	phone.on('framenavigated', (frame) => {
		if (frame === phone.mainFrame()) loads.push(frame.url());
	});
	return loads;
}

test('a phone that drops off just as the stage changes catches up by itself once back', async ({
	page,
	browser,
	baseURL
}) => {
	const code = await openSession(page, 'Réseau des coupures', 'Séance aux coupures');
	const phone = await joinedPhone(browser, baseURL!, code);
	await expect(phone.getByText('L’animation va bientôt ouvrir cette activité')).toBeVisible();
	const loads = pageLoads(phone);

	// The phone hears of the change, then loses the network before its reload, which waits up to
	// 1.5 s so that a room of phones does not reload at once; and its first reload fails, offline or
	// not.
	await phone.route('**/__data.json*', (route) => route.abort('internetdisconnected'), { times: 1 });
	await page.getByRole('button', { name: 'Ouvrir l’activité' }).click();
	await phone.waitForTimeout(50);
	await phone.context().setOffline(true);
	// Its page's banner says so, or, if its first reload had already gone out and failed, the error
	// page shown in its place while it tries again does (it once said « Internal Error »).
	await expect(phone.getByText(/Connexion perdue/).first()).toBeVisible();
	await expect(phone.getByText(/Internal Error/)).toHaveCount(0);
	await phone.waitForTimeout(2500);
	await phone.context().setOffline(false);
	await expect(phone.getByText(/Connexion perdue/)).toHaveCount(0);

	await expect(
		phone
			.getByText(/pleinement/)
			.or(phone.getByText(/plutôt/))
			.first()
	).toBeVisible({ timeout: 15_000 });
	await phone.locator('input[name="availability"][value="4"]').check();
	await phone.getByRole('button', { name: 'Envoyer' }).click();
	await expect(phone.getByText('C’est enregistré.')).toBeVisible();

	// A reload that fails while the phone is online (a proxy's 502 while the app restarts): the page
	// shown in its place says the connection is lost, and the phone comes back by itself.
	await phone.route('**/__data.json*', (route) => route.fulfill({ status: 502, body: 'Bad Gateway' }));
	await page.getByRole('button', { name: 'Clore l’activité' }).click();
	await expect(phone.getByRole('heading', { name: 'Connexion perdue' })).toBeVisible({ timeout: 10_000 });
	await expect(phone.getByText(/Internal Error|Une erreur est survenue/)).toHaveCount(0);
	await phone.unrouteAll({ behavior: 'ignoreErrors' });
	await expect(phone.getByText('Cette activité est close')).toBeVisible({ timeout: 15_000 });
	expect(loads).toEqual([]);
	await phone.context().close();
});

test('a phone away for a whole stage starts the next questionnaire at its first screen', async ({
	page,
	browser,
	baseURL
}) => {
	const code = await openSession(page, 'Réseau des absences', 'Séance aux absences');
	for (let stage = 1; stage < 4; stage++) await page.getByRole('button', { name: /Temps suivant/ }).click();
	await page.getByRole('button', { name: 'Ouvrir l’activité' }).click();
	const phone = await joinedPhone(browser, baseURL!, code);
	for (let screen = 1; screen <= 3; screen++) {
		await expect(phone.getByText(`${screen} / 12`)).toBeVisible();
		await phone.getByRole('button', { name: /Suivant/ }).click();
	}
	await expect(phone.getByText('4 / 12')).toBeVisible();

	// While the phone is away, the group moves on through the cards to the second questionnaire.
	await phone.context().setOffline(true);
	for (const step of [/Temps suivant/, 'Ouvrir l’activité', /Temps suivant/, 'Ouvrir l’activité'])
		await page.getByRole('button', { name: step }).click();
	await expect(page.getByRole('heading', { name: 'Changer de position de perception' })).toBeVisible();
	await phone.context().setOffline(false);

	await expect(phone.getByRole('heading', { name: 'Changer de position de perception' })).toBeVisible();
	await expect(phone.getByText('1 / 24')).toBeVisible();
	await expect(phone.getByText('À propos de notre groupe')).toBeVisible();
	await phone.context().close();
});
