import type { Browser, Page } from '@playwright/test';
import { afterAll, expect, it } from 'vitest';
import fr from '../../messages/fr.json';
import { catalogueTexts } from '../support/catalogue';
import { hashOf, readDatabase, storedAnswers } from '../support/app-database';
import { removeDatabase, startServer, type AppServer } from '../support/app-server';
import { launchChromium } from '../support/chromium';
import { startProxy, type Proxy } from '../support/flaky-proxy';
import { Client } from '../support/http-client';
import { control, openRoom, openStage } from '../support/room';
import { waitUntil } from '../support/wait';

let server: AppServer | undefined;
let proxy: Proxy | undefined;
let browser: Browser | undefined;
afterAll(async () => {
	await browser?.close();
	await proxy?.close();
	await server?.stop();
	if (server) removeDatabase(server.databasePath);
});

type Marked = Window & { sameDocument?: boolean };

/** A phone that joins in Chromium, at baseUrl, and is marked to tell whether it ever reloads. */
async function joinedPhone(baseUrl: string, joinCode: string): Promise<Page> {
	const context = await browser!.newContext({ locale: 'fr-FR', viewport: { width: 390, height: 844 } });
	const page = await context.newPage();
	await page.goto(`${baseUrl}/j/${joinCode}`);
	await page.locator('form[action="?/join"] button').click();
	await page.locator('input[name="a"][value="3"]').waitFor();
	await page.evaluate(() => ((window as Marked).sameDocument = true));
	return page;
}

/** Rates the screen on show (3 and 1) and returns its item, as stored: `level|principleId`. */
async function answer(page: Page): Promise<string> {
	await page.locator('input[name="a"][value="3"]').check();
	await page.locator('input[name="b"][value="1"]').check();
	const level = await page.locator('input[name="level"]').inputValue();
	return `${level}|${await page.locator('input[name="principleId"]').inputValue()}`;
}

/** The stored hash of the participant a Chromium phone is. */
async function participantHash(page: Page, sessionId: number): Promise<string> {
	const cookie = (await page.context().cookies()).find((c) => c.name === `participant_${sessionId}`);
	if (!cookie) throw new Error('This phone did not join');
	return hashOf(cookie.value);
}

it('a phone in Chromium follows the session across a kill and restart, and its queued answer arrives', async () => {
	server = await startServer();
	const { databasePath, port } = server;
	const room = await openRoom(server.url);
	await openStage(room, 6, 1);
	const framework = (await new Client(server.url).get('/api/framework?lang=fr')).json as {
		stages: { title: string }[];
	};
	proxy = await startProxy(port);
	browser = await launchChromium();
	// One phone reaches the app directly, the other through a proxy that answers 502 while it is down.
	const phones = [await joinedPhone(server.url, room.joinCode), await joinedPhone(proxy.url, room.joinCode)];

	await server.stop('SIGKILL');
	const reconnecting = (page: Page) => page.getByText(fr.participant_reconnecting);
	for (const page of phones) await reconnecting(page).waitFor({ timeout: 10_000 });
	const answered = await Promise.all(phones.map(answer));
	const waiting = catalogueTexts(fr)['questionnaire_offline#countPlural=other']!.split('{')[0]!;
	for (const page of phones) await page.getByText(waiting).waitFor({ timeout: 10_000 });

	// A restart that takes a while: the proxied phone's stream is refused with a 502 meanwhile,
	// which closes an EventSource for good.
	const events = `/j/${room.joinCode}/events`;
	await waitUntil('the proxy refuses the stream', () => proxy!.badGateways.includes(events));
	server = await startServer({ databasePath, port });
	const hashes = await Promise.all(phones.map((page) => participantHash(page, room.sessionId)));
	const stored = () =>
		readDatabase(databasePath, (db) =>
			hashes.every((hash, i) => {
				const row = storedAnswers(db, hash).get(answered[i]!);
				return row?.a === 3 && row.b === 1;
			})
		);
	await waitUntil('both queued answers are stored', stored, { timeoutMs: 20_000, everyMs: 200 });
	for (const page of phones) await reconnecting(page).waitFor({ state: 'detached', timeout: 20_000 });

	await control(room, 'next');
	for (const page of phones) {
		await page.locator('h1', { hasText: framework.stages[6]!.title }).waitFor({ timeout: 10_000 });
		expect(await page.evaluate(() => (window as Marked).sameDocument)).toBe(true);
	}
});
