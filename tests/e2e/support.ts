import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export const owner = { name: 'Camille Martin', email: 'camille@example.org', password: 'une phrase assez longue' };

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core on the page and fails on any serious or critical violation; also fails when a
 * page did not hydrate (the browser then rebuilt it, losing what was typed).
 */
export async function expectAccessible(page: Page): Promise<void> {
	const failed = (await page.consoleMessages())
		.map((m) => m.text())
		.filter((t) => /failed to hydrate|hydration_mismatch/i.test(t));
	expect(failed, `hydration on ${page.url()}`).toEqual([]);
	// Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not block.
	await page.evaluate(axeSource);
	const violations = await page.evaluate(async () => {
		const result = await (
			window as unknown as { axe: { run: () => Promise<{ violations: AxeViolation[] }> } }
		).axe.run();
		return result.violations
			.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
	});
	expect(violations, `axe violations on ${page.url()}`).toEqual([]);
}

interface AxeViolation {
	id: string;
	impact: string | null;
	nodes: { target: string[] }[];
}

/** Fills and sends the sign-in form, whatever the outcome. */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
	// Typed once the page is hydrated, so the enhanced form is the one tested.
	await page.goto('/sign-in', { waitUntil: 'networkidle' });
	await page.getByLabel('Adresse e-mail').fill(email);
	await page.getByLabel('Mot de passe').fill(password);
	await page.getByRole('button', { name: 'Me connecter' }).click();
}

/** Signs in and waits until the groups page shows, so the next navigation has the cookie. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
	await submitSignIn(page, email, password);
	await expect(page).toHaveURL(/\/groups$/);
}

/** From the groups page, opens the demo group (made at first run) and gives its address. */
export async function openDemoGroup(page: Page): Promise<string> {
	await page.getByRole('link', { name: /Démo — COP locale/ }).click();
	await expect(page.getByRole('heading', { name: 'Évolution du collectif' })).toBeVisible();
	return new URL(page.url()).pathname;
}

/** Creates a group from the groups page and waits for its page. */
export async function createGroup(page: Page, name: string): Promise<string> {
	await page.goto('/groups');
	const details = page.locator('details');
	if (!(await details.getAttribute('open').then((v) => v !== null))) {
		await page.getByText('Créer un collectif', { exact: true }).click();
	}
	await page.getByLabel('Nom du collectif', { exact: true }).fill(name);
	await page.getByRole('button', { name: 'Créer le collectif' }).click();
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	return page.url();
}

/** Signs in the owner, creates a group and a session in it, opens it; returns its join code. */
export async function openSession(page: Page, groupName: string, title: string): Promise<string> {
	await signIn(page, owner.email, owner.password);
	const groupUrl = await createGroup(page, groupName);
	await page.goto(`${groupUrl}/sessions`);
	await page.getByLabel('Titre de la séance').fill(title);
	await page.getByRole('button', { name: 'Créer la séance' }).click();
	await page.getByRole('button', { name: 'Ouvrir la séance' }).click();
	return (await page.locator('.join strong').nth(1).textContent())!.trim();
}

/** Answers a questionnaire on a phone, screen by screen: ratings (a, b) for each screen. */
export async function answerQuestionnaire(phone: Page, screens: number, rating: (screen: number) => [string, string]) {
	for (let screen = 0; screen < screens; screen++) {
		await expect(phone.getByText(`${screen + 1} / ${screens}`)).toBeVisible();
		const [a, b] = rating(screen);
		await phone.locator('fieldset.pole').nth(0).locator(`input[value="${a}"]`).check();
		await phone.locator('fieldset.pole').nth(1).locator(`input[value="${b}"]`).check();
		await phone.getByRole('button', { name: /Suivant/ }).click();
	}
	await expect(phone.getByText(`Vous avez répondu à ${screens} questions sur ${screens}. Merci\u00a0!`)).toBeVisible();
}
