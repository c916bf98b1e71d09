import { expect, test } from '@playwright/test';
import { openDemoGroup, owner, signIn } from './support';

// The printed report is the document that circulates after a session. Printed, its charts are
// redrawn at their printed size (15 cm at most, two to an A4 page) rather than stretching the
// screen's bitmap, the screen's controls go, the sources stay credited, and Chromium makes a PDF.
test('the report prints: charts redrawn at print size, no controls, the sources credited', async ({ page }) => {
	await signIn(page, owner.email, owner.password);
	const groupUrl = await openDemoGroup(page);
	await page.goto(`${groupUrl}/sessions`);
	// A closed session of the demo (other journeys add live ones to this group).
	await page.locator('li', { hasText: '(démo)' }).filter({ hasText: 'Close' }).first().getByRole('link').click();
	await page.getByRole('link', { name: 'Rapport imprimable' }).click();
	const charts = page.locator('figure canvas');
	await expect(charts.first()).toBeVisible();
	expect(await charts.count()).toBeGreaterThan(0);

	await page.emulateMedia({ media: 'print' });
	const printCm = 15 * (96 / 2.54);
	// Each chart's box is at most 15 cm wide, and its bitmap was redrawn to that box.
	const fitted = () =>
		charts.evaluateAll(
			(list, limit) =>
				(list as HTMLCanvasElement[]).every((canvas) => {
					const box = canvas.getBoundingClientRect().width;
					return box > 0 && box <= limit && Math.abs(canvas.width / devicePixelRatio - box) <= 1;
				}),
			printCm + 1
		);
	await expect.poll(fitted).toBe(true);
	await expect(page.getByRole('button', { name: /Imprimer/ })).toBeHidden();
	await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeHidden();
	await expect(page.getByText(/InsTerCoop/).first()).toBeVisible();

	const pdf = await page.pdf({ format: 'A4' });
	expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
});
