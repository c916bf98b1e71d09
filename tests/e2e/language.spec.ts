import { expect, test } from '@playwright/test';
import { expectAccessible } from './support';

test('the first visit follows the browser language, and the switch changes it everywhere', async ({
	browser
}, testInfo) => {
	const context = await browser.newContext({ ...testInfo.project.use, locale: 'en-GB' });
	const page = await context.newPage();
	await page.goto('/framework');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { name: 'The nine stages' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Becoming available', exact: true })).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('button', { name: 'Français' }).click();
	await expect(page).toHaveURL(/\/framework$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	await expect(page.getByRole('heading', { name: 'Les neuf temps' })).toBeVisible();
	await page.getByRole('link', { name: 'Se rendre disponible', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Guide d’animation' })).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.getByRole('heading', { name: "Facilitator's guide" })).toBeVisible();
	await context.close();
});

test('the framework pages show the principles, their poles and the scoring', async ({ page }) => {
	const response = await page.goto('/framework');
	const headers = response!.headers();
	expect(headers['content-security-policy']).toContain("script-src 'self'");
	expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['referrer-policy']).toBe('same-origin');
	await expect(page.getByRole('heading', { name: 'Les douze principes dialogiques' })).toBeVisible();
	await expect(page.getByText(/InsTerCoop/).first()).toBeVisible();
	await expect(page.getByText(/CC BY-NC-ND 4\.0/).first()).toBeVisible();
	await expect(page.getByText(/CC BY-NC-SA 3\.0 France/).first()).toBeVisible();
	await expect(page.getByText(/n’a relu ni approuvé cette application/)).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: /Rôle/ }).first().click();
	await expect(page.getByRole('heading', { level: 2, name: /Identité/ })).toBeVisible();
	await expectAccessible(page);
	await page.goto('/framework/scores');
	await expect(page.getByRole('heading', { level: 1, name: 'Comment les scores sont calculés' })).toBeVisible();
	await expect(page.getByText(/√/).first()).toBeVisible();
	await expectAccessible(page);

	// Preparing a session: the stages' minutes in each format come from the stages themselves.
	await page.goto('/framework');
	await page.getByRole('link', { name: /préparer une séance/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Préparer une séance' })).toBeVisible();
	const formats = page.getByRole('table', { name: /Minutes prévues pour chaque temps/ });
	await expect(formats.locator(':scope > tbody > tr')).toHaveCount(9);
	await expect(formats.locator(':scope > tfoot td')).toHaveText(['175', '120', '90', '']);
	await expect(page.getByRole('heading', { name: /Vérifier que le groupe est assez nombreux/ })).toBeVisible();
	await expectAccessible(page);

	const api = await page.request.get('/api/framework?lang=en');
	const framework = await api.json();
	expect(framework.principles).toHaveLength(12);
	expect(framework.stages).toHaveLength(9);
	expect(framework.levels.map((level: { label: string }) => level.label)).toEqual(['I', 'We', 'Within']);
});
