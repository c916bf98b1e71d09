import { expect, test, type Page, type Route } from '@playwright/test';
import { owner } from './support';

/** Holds back the app's scripts until release() is called, as a slow phone network would. */
async function holdScripts(page: Page): Promise<() => Promise<void>> {
	const held: Route[] = [];
	let holding = true;
	await page.route('**/_app/immutable/**/*.js', (route) => (holding ? held.push(route) : route.continue()));
	return async () => {
		holding = false;
		await Promise.all(held.map((route) => route.continue()));
	};
}

test('what a quick typist enters before the page is hydrated is kept', async ({ page }) => {
	const release = await holdScripts(page);
	await page.goto('/sign-in', { waitUntil: 'domcontentloaded' });
	await page.getByLabel('Adresse e-mail').fill(owner.email);
	await page.getByLabel('Mot de passe').fill('pas encore envoyé');
	await release();
	await page.waitForLoadState('networkidle');
	await expect(page.getByLabel('Adresse e-mail')).toHaveValue(owner.email);
	await expect(page.getByLabel('Mot de passe')).toHaveValue('pas encore envoyé');
});

test('a join code typed before the page is hydrated is kept', async ({ page }) => {
	const release = await holdScripts(page);
	await page.goto('/j', { waitUntil: 'domcontentloaded' });
	await page.getByRole('textbox').fill('ABC234');
	await release();
	await page.waitForLoadState('networkidle');
	await expect(page.getByRole('textbox')).toHaveValue('ABC234');
});
