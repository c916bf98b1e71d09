// `npm run import` as a careless host would run it: beside a running server, with a file that
// asks for more than any session can hold, or that was edited by hand.
import { spawn } from 'node:child_process';
import { writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDatabase, startServer, type AppServer } from '../support/app-server';
import { query } from '../support/cast';
import { Client } from '../support/http-client';
import { openRoom, type Room } from '../support/room';

let server: AppServer;
let room: Room;
let exported: { sessions: { key: number; title: string; participantCount: number }[] };
const files: string[] = [];

beforeAll(async () => {
	server = await startServer();
	room = await openRoom(server.url);
	exported = (await room.facilitator.get(`/groups/${room.groupId}/export.json`)).json as typeof exported;
});
afterAll(async () => {
	await server?.stop();
	if (server) removeDatabase(server.databasePath);
	for (const file of files) rmSync(file, { force: true });
});

/** Runs `npm run import -- FILE` on the server's database; resolves with its exit code and output. */
function runImport(content: unknown): Promise<{ code: number | null; output: string }> {
	const file = join(tmpdir(), `entre-deux-import-${process.pid}-${files.length}.json`);
	files.push(file);
	writeFileSync(file, JSON.stringify(content));
	return new Promise((resolve) => {
		const child = spawn(
			process.execPath,
			['node_modules/vite-node/dist/cli.mjs', '--config', 'src/cli/vite.config.ts', 'src/cli/import.ts', '--', file],
			{ env: { ...process.env, DATABASE_PATH: server.databasePath }, stdio: ['ignore', 'pipe', 'pipe'] }
		);
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		child.on('exit', (code) => resolve({ code, output }));
	});
}

const groups = () => query<number>(server.databasePath, 'SELECT COUNT(*) FROM groups');

describe('npm run import', () => {
	it('refuses a file asking for more people than a session holds, or edited by hand, and writes nothing', async () => {
		const before = groups();
		const huge = structuredClone(exported);
		huge.sessions[0]!.participantCount = 300000;
		const tooMany = await runImport(huge);
		expect(tooMany.code).toBe(1);
		expect(tooMany.output).toMatch(/participantCount/);
		const twice = structuredClone(exported);
		twice.sessions.push({ ...twice.sessions[0]! });
		const duplicated = await runImport(twice);
		expect(duplicated.code).toBe(1);
		expect(duplicated.output).toMatch(/given twice/);
		const escaped = structuredClone(exported);
		escaped.sessions[0]!.title = 'Séance\u001b[31m';
		expect((await runImport(escaped)).code).toBe(1);
		expect(groups()).toBe(before);
	});

	it('imports beside a running server, which keeps answering joins', async () => {
		const big = structuredClone(exported);
		big.sessions = Array.from({ length: 300 }, (_, index) => ({
			...exported.sessions[0]!,
			key: index + 1,
			title: `Séance ${index + 1}`
		}));
		const importing = runImport(big);
		const statuses: number[] = [];
		const phones = async () => {
			for (let i = 0; i < 40; i++) {
				const phone = new Client(server.url);
				const response = await phone.action(`/j/${room.joinCode}`, 'join');
				statuses.push(response.status);
			}
		};
		await Promise.all([phones(), phones(), phones()]);
		const result = await importing;
		expect(result.code).toBe(0);
		expect(statuses.filter((status) => status >= 500)).toEqual([]);
		const imported = query<number>(server.databasePath, 'SELECT MAX(id) FROM groups');
		expect(query<number>(server.databasePath, 'SELECT COUNT(*) FROM sessions WHERE group_id = ?', imported)).toBe(300);
	});
});
