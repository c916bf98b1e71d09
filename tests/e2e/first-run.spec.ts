import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expectAccessible, owner, signIn } from './support';

test.setTimeout(120_000);

test('a fresh install leads to /setup, creates the first facilitator, then closes setup', async ({
	page
}, testInfo) => {
	await page.goto('/framework');
	await expect(page).toHaveURL(/\/setup$/);
	await expect(page.getByRole('heading', { name: 'Bienvenue dans Entre-deux' })).toBeVisible();
	await expectAccessible(page);

	await page.getByLabel('Votre nom').fill(owner.name);
	await page.getByLabel('Adresse e-mail').fill(owner.email);
	await page.getByLabel('Mot de passe', { exact: true }).fill('trop court');
	await page.getByLabel('Confirmez le mot de passe').fill('trop court');
	// Past the browser's own minlength check, to see the server's message.
	await page.locator('main form').evaluate((form) => form.setAttribute('novalidate', ''));
	await page.getByRole('button', { name: 'Créer mon compte' }).click();
	await expect(page.getByRole('alert')).toContainText('au moins 12 caractères');
	await expect(page.getByLabel('Votre nom')).toHaveValue(owner.name);

	await page.getByLabel('Mot de passe', { exact: true }).fill(owner.password);
	await page.getByLabel('Confirmez le mot de passe').fill(owner.password);
	await page.getByLabel(/collectif de démonstration/).check();
	await page.getByRole('button', { name: 'Créer mon compte' }).click();
	await expect(page).toHaveURL(/\/groups$/);
	await expect(page.getByRole('heading', { name: 'Mes collectifs' })).toBeVisible();
	await expectAccessible(page);

	// The demo group shows four quarters of history: a row and a radar per session, a trend per principle.
	await page.getByRole('link', { name: /Démo — COP locale/ }).click();
	await expect(page.getByRole('heading', { name: 'Évolution du collectif' })).toBeVisible();
	const timeline = page.getByRole('table', { name: /Une ligne par séance close/ });
	await expect(timeline.locator(':scope > tbody > tr')).toHaveCount(4);
	await expect(timeline.getByRole('link', { name: 'Séance trimestrielle 4 (démo)' })).toBeVisible();
	await expect(page.locator('figure canvas')).toHaveCount(4 + 12);
	await expectAccessible(page);
	// On a phone the timeline scrolls in its own box: its charts' hidden tables once widened the page.
	await page.setViewportSize({ width: 390, height: 844 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
	await page.setViewportSize({ width: 1366, height: 768 });

	await page.getByRole('link', { name: 'Comparer deux séances' }).click();
	const changes = page.getByRole('table', { name: /Évolution de la maturité moyenne/ });
	await expect(changes).toContainText('Séance trimestrielle 3 (démo)');
	await expect(changes.locator(':scope > tbody > tr')).toHaveCount(12);
	await expect(changes.getByText('▲').first()).toBeVisible();
	await expect(page.getByLabel(/Superposer la séance précédente/)).toBeChecked();
	await expectAccessible(page);
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Télécharger en PNG' }).first().click()
	]);
	expect(download.suggestedFilename()).toMatch(/^entre-deux-.+\.png$/);
	const png = readFileSync((await download.path())!);
	expect(png.subarray(1, 4).toString()).toBe('PNG');
	expect(png.length).toBeGreaterThan(5000);

	// The printable report of the last quarter, at A4 size.
	await page.getByRole('link', { name: 'Vue d’ensemble' }).click();
	await page.getByRole('link', { name: 'Séance trimestrielle 4 (démo)' }).click();
	await page.getByRole('link', { name: 'Rapport imprimable' }).click();
	await expect(page.getByRole('heading', { name: /Rapport de la séance/ })).toBeVisible();
	await expect(page.getByRole('heading', { name: /Évolution depuis/ })).toBeVisible();
	await expect(page.getByText(/Questionnaire Entre-deux, version 2\. .*InsTerCoop.*ADEFPAT/)).toBeVisible();
	await expectAccessible(page);
	await page.setViewportSize({ width: 794, height: 1123 });
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('.site-header')).toBeHidden();
	await page.screenshot({ path: testInfo.outputPath('report-a4.png'), fullPage: true });
	const pdf = await page.pdf({ format: 'A4' });
	expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
	await page.emulateMedia({ media: 'screen' });
	await page.setViewportSize({ width: 1366, height: 768 });
	await page.goto('/groups');

	const setup = await page.goto('/setup');
	expect(setup?.status()).toBe(404);

	await page.getByRole('button', { name: 'Se déconnecter' }).click();
	await expect(page).toHaveURL(/\/sign-in$/);
	await expectAccessible(page);
	await page.goto('/groups');
	await expect(page).toHaveURL(/\/sign-in\?redirectTo=%2Fgroups$/);
	await signIn(page, owner.email, owner.password);
	await expect(page).toHaveURL(/\/groups$/);
});
