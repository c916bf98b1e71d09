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

	// Each phone answers its items, and goes on changing its answers, with a moment between
	// screens, until the backups are done.
	const sent = new Map<string, { a: number; b: number }[]>();
	const ackedUpTo = new Map<string, number>();
	const failures: string[] = [];
	let backupsDone = false;
	const answering = Promise.all(
		phones.map(async (phone, p) => {
			for (let n = 0; !backupsDone; n++) {
				const i = n % items.length;
				const item = items[i]!;
				const key = `${p}|${item.level}|${item.principleId}`;
				const pass = Math.floor(n / items.length);
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
		})
	);

	await waitUntil('the room has answered for a while', () => ackedUpTo.size >= 100);
	const backups: { target: string; before: Map<string, number>; code: number | null; output: string }[] = [];
	try {
		for (let n = 1; n <= backupCount; n++) {
			const target = join(folder, `copy-${n}.sqlite`);
			const before = new Map(ackedUpTo);
			backups.push({ target, before, ...(await backUp(databasePath, target)) });
		}
	} finally {
		backupsDone = true;
	}
	await answering;
	expect(failures).toEqual([]);

	for (const { target, before, code, output } of backups) {
		expect(code, output).toBe(0);
		expect(output).toContain(target);
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
	// Answers kept arriving from the first copy to the last.
	const acks = (counts: Map<string, number>) => [...counts.values()].reduce((sum, n) => sum + n, 0);
	expect(acks(backups.at(-1)!.before)).toBeGreaterThan(acks(backups[0]!.before));
});
