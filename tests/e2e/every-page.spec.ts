import { expect, test, type Page } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { pagesOnDisk } from '../support/routes';
import { expectAccessible, openDemoGroup, owner, signIn } from './support';

// Every page of the app, as the person who would see it, on a phone and on an old 4:3 projector:
// none wider than its screen (a wide table or a chart's hidden table once made pages scroll
// sideways), and each passes axe on the phone. The pages are read from src/routes, so a new page
// joins this test by itself, and one whose address needs an id this test cannot fill fails it.

test.setTimeout(600_000);

const viewports = [
	{ name: 'phone', width: 390, height: 844 },
	{ name: 'projector-1024', width: 1024, height: 768 }
] as const;

/** Who sees a page: the pages for the room and the public are read without an account. */
const guestPages = new Set(['/', '/setup', '/sign-in', '/invite/[token]', '/pact/[slug]']);
const phonePages = new Set(['/j', '/j/[code=joincode]']);

const contentIds = (kind: string) =>
	readdirSync(new URL(`../../content/fr/${kind}`, import.meta.url))
		.filter((file) => file.endsWith('.md'))
		.map((file) => file.replace(/\.md$/, ''));

test('every page fits a phone and a 1024×768 projector, and passes axe on a phone', async ({
	page,
	browser,
	baseURL
}, testInfo) => {
	await signIn(page, owner.email, owner.password);
	// The demo group has closed sessions with results, a pact with two versions and signatures.
	const groupUrl = new URL(await openDemoGroup(page), baseURL);
	const groupId = groupUrl.pathname.split('/').pop()!;
	const closed = await page.getByRole('link', { name: 'Séance trimestrielle 4 (démo)' }).first().getAttribute('href');
	const closedSessionId = closed!.split('/').pop()!;

	// An invitation, the pact's public page, and a live session for the room's pages.
	await page.goto(`${groupUrl.pathname}/members`);
	await page.getByLabel('Rôle de la personne invitée').selectOption('viewer');
	await page.getByRole('button', { name: 'Créer un lien d’invitation' }).click();
	const invitation = new URL(await page.getByLabel('Lien d’invitation').inputValue());
	await page.goto(`${groupUrl.pathname}/pact`);
	if (await page.getByRole('button', { name: 'Ouvrir la page publique' }).isVisible()) {
		await page.getByRole('button', { name: 'Ouvrir la page publique' }).click();
	}
	const publicLink = page.getByRole('link', { name: /\/pact\// });
	await expect(publicLink).toBeVisible();
	const publicPath = new URL((await publicLink.getAttribute('href'))!, baseURL).pathname;
	await page.goto(`${groupUrl.pathname}/sessions`);
	await page.getByLabel('Titre de la séance').fill(`Toutes les pages ${testInfo.project.name}`);
	await page.getByRole('button', { name: 'Créer la séance' }).click();
	await page.getByRole('button', { name: 'Ouvrir la séance' }).click();
	const code = (await page.locator('.join strong').nth(1).textContent())!.trim();
	const liveSessionId = new URL(page.url()).pathname.split('/').pop()!;

	const guest = await browser.newContext({ baseURL, locale: 'fr-FR' });
	const phone = await browser.newContext({ baseURL, locale: 'fr-FR', hasTouch: true });
	const phonePage = await phone.newPage();
	await phonePage.goto(`/j/${code}`);
	await phonePage.getByRole('button', { name: 'Participer' }).click();
	await expect(phonePage.getByRole('heading', { name: 'Se rendre disponible' })).toBeVisible();
	// The room's pages at the pact's stage: the projector's follow-up of commitments, the phone's rules.
	for (const title of ['Se mettre en lien', 'Poser le cadre']) {
		await page.getByRole('button', { name: /Temps suivant/ }).click();
		await expect(page.locator('#current-stage')).toHaveText(title);
	}
	await page.getByRole('button', { name: 'Ouvrir l’activité' }).click();
	await expect(phonePage.getByRole('heading', { name: 'Poser le cadre' })).toBeVisible();

	const ids: Record<string, string> = {
		'[groupId=id]': groupId,
		'[sessionId=id]': closedSessionId,
		'[code=joincode]': code,
		'[principleId]': contentIds('principles')[0]!,
		'[stageId]': contentIds('stages')[0]!,
		'[token]': invitation.pathname.split('/').pop()!,
		'[number=id]': '1',
		'[slug]': publicPath.split('/').pop()!
	};
	const fill = (route: string) =>
		route.replace(/\[[^\]]+\]/g, (param) => {
			expect(ids[param], `an id for ${param} in ${route}`).toBeDefined();
			return ids[param]!;
		});
	// The room's pages of the live session; a closed session's report and control view.
	const paths = pagesOnDisk().map((route) => ({
		route,
		path: route === '/present/[sessionId=id]' ? `/present/${liveSessionId}` : fill(route)
	}));
	paths.push({ route: 'live control view', path: `${groupUrl.pathname}/sessions/${liveSessionId}` });

	const guestPage = await guest.newPage();
	const reader = (route: string): Page =>
		guestPages.has(route) ? guestPage : phonePages.has(route) ? phonePage : page;
	// Sign-out last: its page asks to confirm, so showing it signs no one out, but keep it apart.
	paths.sort((a, b) => Number(a.route === '/sign-out') - Number(b.route === '/sign-out'));

	for (const viewport of viewports) {
		for (const target of [page, guestPage, phonePage]) await target.setViewportSize(viewport);
		for (const { route, path } of paths) {
			const target = reader(route);
			const response = await target.goto(path);
			// Setup closes once the first account exists (first-run.spec.ts walks it): its 404 page shows.
			if (route === '/setup') expect(response?.status()).toBe(404);
			else expect(response?.status(), `${route} at ${path}`).toBeLessThan(400);
			// Charts draw after the data: measure once they are there.
			await target.waitForLoadState('networkidle').catch(() => {});
			const width = await target.evaluate(() => document.documentElement.scrollWidth);
			expect(width, `${route} (${path}) at ${viewport.name}`).toBeLessThanOrEqual(viewport.width);
			if (viewport.name === 'phone') await expectAccessible(target);
		}
	}
	await guest.close();
	await phone.close();
});
