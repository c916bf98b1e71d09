import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endpoints } from './bad-input-endpoints';
import { useWorld, type World } from './bad-input-world';
import { callAction } from './helpers';
import { dumpDatabase, refuseAll, type Case } from './refusal';

const world = useWorld();

const ids = fc.integer({ min: 1_000, max: 2 ** 40 }).map(String);
const codes = fc.stringMatching(/^[A-HJ-NP-Z2-9]{6}$/);

describe('bad requests to the endpoints', () => {
	for (const [route, endpoint] of Object.entries(endpoints)) {
		// Both take no id and answer anyone; their own tests are below.
		if (route === '(site)/api/framework' || route === 'healthz') continue;
		it(`GET ${route}`, async () => {
			const get = (user: World['owner'] | null, id?: string) =>
				callAction(endpoint.handler, { ...endpoint.target(world, id), user });
			const cases: fc.Arbitrary<Case>[] = [];
			if (endpoint.audience === 'member') {
				cases.push(
					ids.map((id) => ({ label: `unknown id ${id}`, act: () => get(world.owner, id) })),
					fc.constant({ label: 'signed out', act: () => get(null), redirectTo: /^\/sign-in\?redirectTo=/ }),
					fc.constant({ label: 'stranger', act: () => get(world.stranger) })
				);
				if (endpoint.lacking) cases.push(fc.constant({ label: 'viewer', act: () => get(world.viewer) }));
			} else {
				const unknown = codes.filter((code) => code !== world.liveCode && code !== world.otherCode);
				cases.push(unknown.map((code) => ({ label: `unknown code ${code}`, act: () => get(null, code) })));
			}
			await refuseAll(fc.oneof(...cases), 20);
		});
	}

	it('GET /api/framework falls back to the reader’s language for any other lang', async () => {
		await fc.assert(
			fc.asyncProperty(fc.string({ maxLength: 30 }), async (lang) => {
				const before = dumpDatabase();
				const path = `/api/framework?lang=${encodeURIComponent(lang)}`;
				const outcome = await callAction(endpoints['(site)/api/framework']!.handler, { path });
				const response = (outcome as { data: unknown }).data as Response;
				expect(response.status).toBe(200);
				expect(((await response.json()) as { principles: unknown[] }).principles).toHaveLength(12);
				expect(dumpDatabase()).toEqual(before);
			}),
			{ numRuns: 15 }
		);
	});

	it('GET /healthz answers ok whatever it is sent, and changes nothing', async () => {
		await fc.assert(
			fc.asyncProperty(fc.string({ maxLength: 30 }), async (query) => {
				const before = dumpDatabase();
				const path = `/healthz?${encodeURIComponent(query)}`;
				const outcome = await callAction(endpoints['healthz']!.handler, { path });
				const response = (outcome as { data: unknown }).data as Response;
				expect(response.status).toBe(200);
				expect(await response.json()).toEqual({ status: 'ok' });
				expect(response.headers.get('cache-control')).toBe('no-store');
				expect(dumpDatabase()).toEqual(before);
			}),
			{ numRuns: 10 }
		);
	});
});
