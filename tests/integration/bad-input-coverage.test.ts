import { describe, expect, it } from 'vitest';
import { routes } from './bad-input-specs';
import { endpoints } from './bad-input-endpoints';

const pages = import.meta.glob<{ actions?: Record<string, unknown> }>('../../src/routes/**/+page.server.ts', {
	eager: true
});
const servers = import.meta.glob<Record<string, unknown>>('../../src/routes/**/+server.ts', { eager: true });

/** The route folder below src/routes of a route file. */
const folder = (file: string) => file.replace('../../src/routes/', '').replace(/\/?\+(page\.)?server\.ts$/, '');

describe('the bad-input tests', () => {
	it('cover every form action of every page', () => {
		const found = Object.entries(pages).flatMap(([file, module]) =>
			Object.keys(module.actions ?? {}).map((name) => `${folder(file)} ?/${name}`)
		);
		const covered = Object.entries(routes).flatMap(([route, { specs }]) =>
			Object.keys(specs).map((name) => `${route} ?/${name}`)
		);
		expect(found.length).toBeGreaterThan(40);
		expect(covered.sort()).toEqual(found.sort());
	});

	it('cover every method of every endpoint', () => {
		const found = Object.entries(servers).flatMap(([file, module]) =>
			Object.keys(module).map((method) => `${method} ${folder(file)}`)
		);
		const covered = Object.keys(endpoints).map((route) => `GET ${route}`);
		expect(covered.sort()).toEqual(found.sort());
	});
});
