import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { readDatabase, storedAnswers, tokenHash } from '../support/app-database';
import { removeDatabase, startServer, type AppServer } from '../support/app-server';
import { acknowledged, joinRoom, openRoom, openStage, questionnaireItems, sendAnswer } from '../support/room';
import { waitUntil } from '../support/wait';

const phoneCount = 50;
const passes = 2;
const thinkMs = 50;
const backupCount = 3;

let server: AppServer | undefined;
const folder = mkdtempSync(join(tmpdir(), 'entre-deux-backups-'));
afterAll(async () => {
	await server?.stop();
	if (server) removeDatabase(server.databasePath);
	rmSync(folder, { recursive: true, force: true });
});

/** `npm run backup -- target`, as an operator runs it while the session goes on. */
function backUp(databasePath: string, target: string): Promise<{ code: number | null; output: string }> {
	const root = new URL('../..', import.meta.url).pathname;
	const child = spawn(process.execPath, [join(root, 'src/cli/backup.js'), target], {
		env: { ...process.env, DATABASE_PATH: databasePath },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));
	return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
}

it('answers keep being acknowledged while the database is backed up, and each copy holds them', async () => {
	server = await startServer();
	const { databasePath } = server;
	const room = await openRoom(server.url);
	const phones = await Promise.all(Array.from({ length: phoneCount }, () => joinRoom(server!.url, room.joinCode)));
	await openStage(room, 6, 1);
	const items = await questionnaireItems(server.url);

	// Each phone answers every item, then changes every answer, with a moment between screens.
	const sent = new Map<string, { a: number; b: number }[]>();
	const ackedUpTo = new Map<string, number>();
	const failures: string[] = [];
	let answeringDone = false;
	const answering = Promise.all(
		phones.map(async (phone, p) => {
			for (let pass = 0; pass < passes; pass++) {
				for (const [i, item] of items.entries()) {
					const key = `${p}|${item.level}|${item.principleId}`;
					const values = { a: (p + i + pass) % 5, b: (p + 2 * i + 3 * pass) % 5 };
					const tries = sent.get(key) ?? [];
					sent.set(key, [...tries, values]);
					try {
						const response = await sendAnswer(phone, room.joinCode, item, values.a, values.b, 10_000);
						if (acknowledged(response)) ackedUpTo.set(key, tries.length + 1);
						else failures.push(`${response.status} ${response.body.slice(0, 100)}`);
					} catch (error) {
						failures.push(String(error));
					}
					await new Promise((resolve) => setTimeout(resolve, thinkMs));
				}
			}
		})
	).then(() => (answeringDone = true));

	await waitUntil('the room has answered for a while', () => ackedUpTo.size >= 100);
	const backups: { target: string; before: Map<string, number> }[] = [];
	for (let n = 1; n <= backupCount; n++) {
		const target = join(folder, `copy-${n}.sqlite`);
		const before = new Map(ackedUpTo);
		const { code, output } = await backUp(databasePath, target);
		expect(code, output).toBe(0);
		expect(output).toContain(target);
		backups.push({ target, before });
	}
	expect(answeringDone, 'the backups ran while phones were answering').toBe(false);
	await answering;
	expect(failures).toEqual([]);

	for (const { target, before } of backups) {
		readDatabase(target, (db) => {
			expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
			const stored = phones.map((phone) => storedAnswers(db, tokenHash(phone, room.sessionId)));
			const missing = [...before].filter(([key, count]) => {
				const [p, level, principleId] = key.split('|');
				const row = stored[Number(p)]!.get(`${level}|${principleId}`);
				// The value acknowledged before the copy began, or one the phone sent after it.
				return !sent
					.get(key)!
					.slice(count - 1)
					.some((v) => v.a === row?.a && v.b === row?.b);
			});
			expect(missing).toEqual([]);
		});
	}
	expect(backups.at(-1)!.before.size).toBeGreaterThan(backups[0]!.before.size);
});
