// A host's way to run the app: `npm ci --omit=dev` beside a build/ made elsewhere, then
// `npm start`. Installs the production dependencies from the registry (better-sqlite3 compiles,
// a minute or two on 2 cores) into a temporary folder holding only what the README says to copy.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type AppServer } from '../support/app-server';

const checkout = new URL('../..', import.meta.url).pathname;
const host = mkdtempSync(join(tmpdir(), 'entre-deux-host-'));
const data = join(host, 'data');
let server: AppServer | undefined;

beforeAll(() => {
	for (const file of [
		'package.json',
		'package-lock.json',
		'src/cli/start.js',
		'src/cli/prepare.js',
		'src/cli/backup.js'
	]) {
		cpSync(join(checkout, file), join(host, file));
	}
	cpSync(join(checkout, 'build'), join(host, 'build'), { recursive: true });
	execFileSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'], {
		cwd: host,
		stdio: 'pipe',
		env: { ...process.env, NODE_ENV: 'production' }
	});
}, 600_000);

afterAll(async () => {
	await server?.stop();
	rmSync(host, { recursive: true, force: true });
});

describe('an install without dev dependencies and a prebuilt app', () => {
	it('has none of the tools that build the app', () => {
		for (const tool of ['vite', 'svelte', '@sveltejs/kit', '@inlang/paraglide-js', 'vitest']) {
			expect(existsSync(join(host, 'node_modules', tool)), tool).toBe(false);
		}
		expect(existsSync(join(host, 'node_modules', 'better-sqlite3', 'build', 'Release'))).toBe(true);
	});

	it('starts with npm start, says it serves the prebuilt app, and answers its health check', async () => {
		server = await startServer({ root: host, databasePath: join(data, 'entre-deux.sqlite') });
		expect(server.output()).toContain('Serving the prebuilt app in build/');
		const health = await fetch(`${server.url}/healthz`);
		expect(health.status).toBe(200);
		expect(await health.json()).toEqual({ status: 'ok' });
		// Before the first account, every page leads to /setup, which renders.
		const home = await fetch(server.url, { redirect: 'manual' });
		expect(home.headers.get('location')).toBe('/setup');
		const setup = await fetch(`${server.url}/setup`);
		expect(setup.status).toBe(200);
		expect(await setup.text()).toContain('<form');
	});

	it('backs up beside the database and keeps the newest copies only', () => {
		const backups = join(data, 'backups');
		mkdirSync(backups, { recursive: true });
		const older = ['entre-deux-2020-01-01T00-00-00.sqlite', 'entre-deux-2020-01-02T00-00-00.sqlite'];
		for (const name of [...older, 'notes.txt']) writeFileSync(join(backups, name), '');
		const printed = execFileSync('npm', ['run', 'backup', '--', '--keep', '2'], {
			cwd: host,
			encoding: 'utf8',
			env: { ...process.env, DATABASE_PATH: join(data, 'entre-deux.sqlite') }
		});
		expect(printed).toContain('integrity checked');
		const left = readdirSync(backups).sort();
		expect(left).toHaveLength(3);
		expect(left).toContain('notes.txt');
		expect(left).toContain(older[1]);
		expect(left).not.toContain(older[0]);
	});
});
