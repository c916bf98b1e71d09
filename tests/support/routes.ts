// What the security tests need to know of the app's routes, read from disk so that a new route or
// form action shows up in them by itself; how a response is told apart; and a digest of the
// database to show that a refused request changed nothing.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { HttpResponse } from './http-client';

const routesDir = new URL('../../src/routes', import.meta.url).pathname;

/** A route as Kit names it without its (groups), e.g. /groups/[groupId=id]/members. */
function routeId(dir: string): string {
	const parts = relative(routesDir, dir)
		.split(sep)
		.filter((part) => part && !/^\(.*\)$/.test(part));
	return '/' + parts.join('/');
}

function walk(dir: string, found: string[] = []): string[] {
	found.push(dir);
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		if (entry.isDirectory()) walk(join(dir, entry.name), found);
	}
	return found;
}

/** Every page or endpoint (by route id), and every form action as `route?/name`. */
export function routesOnDisk(): { gets: string[]; actions: string[] } {
	const gets: string[] = [];
	const actions: string[] = [];
	for (const dir of walk(routesDir)) {
		const files = readdirSync(dir);
		if (files.some((file) => ['+page.svelte', '+page.server.ts', '+page.ts', '+server.ts'].includes(file)))
			gets.push(routeId(dir));
		if (files.includes('+page.server.ts')) {
			const source = readFileSync(join(dir, '+page.server.ts'), 'utf8');
			const block = source.split('export const actions')[1];
			// The actions object's own keys are the lines indented by exactly one tab.
			for (const match of (block ?? '').matchAll(/^\t(\w+):/gm)) actions.push(`${routeId(dir)}?/${match[1]}`);
		}
	}
	return { gets: gets.sort(), actions: actions.sort() };
}

/** Every page (a route with a +page.svelte), by route id. */
export function pagesOnDisk(): string[] {
	return walk(routesDir)
		.filter((dir) => readdirSync(dir).includes('+page.svelte'))
		.map(routeId)
		.sort();
}

/**
 * What a person would notice of a response: 200, a redirect to sign-in, 403, 404, another
 * redirect (→/path), for an action "ok" (it ran), "invalid" (it ran and refused the input), or
 * 409 (refused because the activity is not open now, whether as an error or on the page).
 */
export function outcome(response: HttpResponse): string {
	const result = response.json as { type?: string; status?: number; location?: string } | undefined;
	const location = result?.type === 'redirect' ? result.location : response.headers.location;
	if (location !== undefined && (result?.type === 'redirect' || (response.status >= 300 && response.status < 400))) {
		const path = new URL(location, 'http://app').pathname;
		if (path === '/sign-in') return 'sign-in';
		return result?.type === 'redirect' ? 'ok' : `→${path}`;
	}
	if (result?.type === 'success') return 'ok';
	if (result?.type === 'failure') return result.status === 409 ? '409' : 'invalid';
	if (result?.type === 'error') return String(result.status ?? response.status);
	return String(response.status);
}

/** Outcomes that refuse: they must leave the database exactly as it was. */
export const refusals = new Set(['sign-in', '403', '404', '409']);

// Tables a refused request may still touch: none today; auth sessions slide their expiry.
const volatile = new Set(['auth_sessions']);

/** A hash of every row of every table, to compare before and after a request. */
export function databaseDigest(databasePath: string): string {
	const db = new Database(databasePath, { readonly: true });
	try {
		const hash = createHash('sha256');
		const tables = db
			.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
			.pluck()
			.all() as string[];
		for (const table of tables.filter((name) => !volatile.has(name))) {
			hash.update(table);
			const rows = db.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[];
			hash.update(
				rows
					.map((row) => JSON.stringify(row))
					.sort()
					.join('\n')
			);
		}
		return hash.digest('hex');
	} finally {
		db.close();
	}
}

/** Parses a whitespace-aligned table: a header row of column names, then one row per key. */
export function parseTable(text: string): Map<string, Record<string, string>> {
	const lines = text
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line && !line.startsWith('#'));
	const [header, ...rows] = lines.map((line) => line.split(/\s+/));
	const columns = header!.slice(1);
	const table = new Map<string, Record<string, string>>();
	for (const [key, ...cells] of rows) {
		if (cells.length !== columns.length) throw new Error(`Row ${key} has ${cells.length} cells`);
		table.set(key!, Object.fromEntries(columns.map((column, i) => [column, cells[i]!])));
	}
	return table;
}
