import fc from 'fast-check';
import { describe, it } from 'vitest';
import type { User } from '$lib/server/db/users';
import { anyForm, badForm, summary, validForm } from './bad-input-fields';
import { routes, type ActionSpec } from './bad-input-specs';
import { useWorld } from './bad-input-world';
import { callAction } from './helpers';
import { refuseAll, type Case } from './refusal';

const world = useWorld();

const signIn = /^\/sign-in\?redirectTo=/;
const groupRoute = '(site)/(facilitator)/groups/[groupId=id]/';
const controlRoute = `${groupRoute}sessions/[sessionId=id]`;
const ids = fc.integer({ min: 1_000, max: 2 ** 40 }).map(String);

interface Target {
	path: string;
	params: Record<string, string>;
}

/** The cases every action of a group refuses: bad fields, the wrong person, the wrong place. */
function groupCases(route: string, name: string, spec: ActionSpec, target: (unknown?: string) => Target) {
	const call = (form: FormData, user: User | null, to = target()) =>
		callAction(routes[route]!.actions[name], { ...to, path: `${to.path}?/${name}`, form, user });
	const valid = () => validForm(spec.fields, world);
	const cases: fc.Arbitrary<Case>[] = [
		anyForm.map((form) => ({
			label: 'signed out',
			act: () => call(form, null),
			redirectTo: signIn
		})),
		fc.constant({ label: 'stranger', act: () => call(valid(), world.stranger) }),
		ids.map((id) => ({ label: `unknown id ${id}`, act: () => call(valid(), world.owner, target(id)) }))
	];
	if (Object.keys(spec.fields).length > 0) {
		const bad = fc.constant(0).chain(() => badForm(spec.fields, world));
		cases.push(bad.map((form) => ({ label: `bad fields ${summary(form)}`, act: () => call(form, world.owner) })));
	}
	if (spec.lacking) {
		const user = () => world[spec.lacking!];
		cases.push(fc.constant({ label: `as ${spec.lacking}`, act: () => call(valid(), user()) }));
	}
	return { cases, call, valid };
}

describe('bad input to the group pages', () => {
	for (const [route, { specs }] of Object.entries(routes)) {
		if (!route.startsWith(groupRoute) || route.startsWith(controlRoute)) continue;
		for (const [name, spec] of Object.entries(specs)) {
			it(`${route.slice(groupRoute.length)} ?/${name}`, async () => {
				const target = (unknown?: string) => {
					const groupId = unknown ?? String(world.groupId);
					const path = `/groups/${groupId}/${route.slice(groupRoute.length)}`;
					return { path, params: { groupId } };
				};
				await refuseAll(fc.oneof(...groupCases(route, name, spec, target).cases), 40);
			});
		}
	}

	it('groups ?/create', async () => {
		const route = '(site)/(facilitator)/groups';
		const { fields } = routes[route]!.specs.create!;
		const call = (form: FormData, user: User | null) =>
			callAction(routes[route]!.actions.create, { path: '/groups?/create', form, user });
		await refuseAll(
			fc.oneof(
				badForm(fields, world).map((form) => ({ label: summary(form), act: () => call(form, world.owner) })),
				anyForm.map((form) => ({ label: 'signed out', act: () => call(form, null), redirectTo: signIn }))
			),
			40
		);
	});
});

describe('bad input to the control view of a session', () => {
	const sessionRoutes = Object.entries(routes).filter(([route]) => route.startsWith(controlRoute));
	for (const [route, name, spec] of sessionRoutes.flatMap(([route, { specs }]) =>
		Object.entries(specs).map(([name, spec]) => [route, name, spec] as const)
	)) {
		it(`${route.slice(controlRoute.length)} ?/${name}`, async () => {
			const target = (unknown?: string, groupId = String(world.groupId)) => {
				const sessionId = unknown ?? String(world.liveId);
				const path = `/groups/${groupId}/sessions/${sessionId}${route.slice(controlRoute.length)}`;
				return { path, params: { groupId, sessionId } };
			};
			const { cases, call, valid } = groupCases(route, name, spec, target);
			cases.push(
				fc.constant({
					label: 'a session of another group, under this one',
					act: () => call(valid(), world.owner, target(String(world.otherId)))
				})
			);
			if (spec.refusedOn) {
				const sessionId = String(spec.refusedOn === 'draft' ? world.draftId : world.liveId);
				cases.push(
					fc.constant({
						label: `while ${spec.refusedOn}`,
						act: () => call(valid(), world.owner, target(sessionId))
					})
				);
			}
			await refuseAll(fc.oneof(...cases), 40);
		});
	}
});
