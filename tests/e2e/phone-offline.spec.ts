import { expect, test } from '@playwright/test';
import { createGroup, owner, signIn } from './support';

test('a phone that drops off just as the stage changes catches up by itself once back', async ({
	page,
	browser,
	baseURL
}) => {
	await signIn(page, owner.email, owner.password);
	const groupUrl = await createGroup(page, 'Réseau des coupures');
	await page.goto(`${groupUrl}/sessions`);
	await page.getByLabel('Titre de la séance').fill('Séance aux coupures');
	await page.getByRole('button', { name: 'Créer la séance' }).click();
	await page.getByRole('button', { name: 'Ouvrir la séance' }).click();
	const code = (await page.locator('.join strong').nth(1).textContent())!.trim();

	const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'fr-FR', baseURL });
	const phone = await context.newPage();
	await phone.goto(`/j/${code}`);
	const following = phone.waitForResponse((response) => response.url().endsWith(`/j/${code}/events`));
	await phone.getByRole('button', { name: 'Participer' }).click();
	await expect(phone.getByText('L’animation va bientôt ouvrir cette activité')).toBeVisible();
	await following;
	// The page must not be left for the browser's own offline page.
	const left: string[] = [];
	phone.on('framenavigated', (frame) => {
		if (frame === phone.mainFrame()) left.push(frame.url());
	});

	// The phone hears of the change, then loses the network before its reload, which waits up to
	// 1.5 s so that a room of phones does not reload at once; and its first reload fails, offline or
	// not.
	await phone.route('**/__data.json*', (route) => route.abort('internetdisconnected'), { times: 1 });
	await page.getByRole('button', { name: 'Ouvrir l’activité' }).click();
	await phone.waitForTimeout(50);
	await context.setOffline(true);
	await expect(phone.getByText(/Connexion perdue/)).toBeVisible();
	await phone.waitForTimeout(2500);
	await context.setOffline(false);
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
	expect(left).toEqual([]);
	await context.close();
});
