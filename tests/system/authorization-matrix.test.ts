// Every route and every form action of the app, for each of seven people, against the built
// server: the table below is what each one must get. A route or action added under src/routes
// without a row here fails the first test. Refused requests must leave the database unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDatabase, startServer, type AppServer } from '../support/app-server';
import { actorNames, castRoom, type Cast } from '../support/cast';
import { Client } from '../support/http-client';
import { actionRequest, getPath, openStream } from '../support/matrix-requests';
import { databaseDigest, outcome, parseTable, refusals, routesOnDisk } from '../support/routes';

// partA joined session A (group A); partB joined a session of group B; viewer, facil and owner
// are members of group A; other is a facilitator of group B only. "sign-in": redirected to sign
// in; "ok": the action ran; "invalid": it ran and refused the input; →/x: redirected there.
const pages = parseTable(`
route                                                     anon     partA    partB    viewer   facil    owner    other
/                                                         200      200      200      →/groups →/groups →/groups →/groups
/account                                                  sign-in  sign-in  sign-in  200      200      200      200
/api/framework                                            200      200      200      200      200      200      200
/framework                                                200      200      200      200      200      200      200
/framework/prepare                                        200      200      200      200      200      200      200
/framework/principles/[principleId]                       200      200      200      200      200      200      200
/framework/scores                                         200      200      200      200      200      200      200
/framework/stages/[stageId]                               200      200      200      200      200      200      200
/groups                                                   sign-in  sign-in  sign-in  200      200      200      200
/groups/[groupId=id]                                      sign-in  sign-in  sign-in  200      200      200      404
/groups/[groupId=id]/compare                              sign-in  sign-in  sign-in  200      200      200      404
/groups/[groupId=id]/export.json                          sign-in  sign-in  sign-in  403      200      200      404
/groups/[groupId=id]/history.csv                          sign-in  sign-in  sign-in  200      200      200      404
/groups/[groupId=id]/members                              sign-in  sign-in  sign-in  200      200      200      404
/groups/[groupId=id]/pact                                 sign-in  sign-in  sign-in  200      200      200      404
/groups/[groupId=id]/pact/versions                        sign-in  sign-in  sign-in  200      200      200      404
/groups/[groupId=id]/pact/versions/[number=id]/print      sign-in  sign-in  sign-in  200      200      200      404
/groups/[groupId=id]/rules                                sign-in  sign-in  sign-in  200      200      200      404
/groups/[groupId=id]/sessions                             sign-in  sign-in  sign-in  200      200      200      404
/groups/[groupId=id]/sessions/[sessionId=id]              sign-in  sign-in  sign-in  200      200      200      404
/groups/[groupId=id]/sessions/[sessionId=id]/answers.csv  sign-in  sign-in  sign-in  403      409      409      404
/groups/[groupId=id]/sessions/[sessionId=id]/events       sign-in  sign-in  sign-in  200      200      200      404
/groups/[groupId=id]/sessions/[sessionId=id]/pact         sign-in  sign-in  sign-in  200      200      200      404
/groups/[groupId=id]/sessions/[sessionId=id]/report       sign-in  sign-in  sign-in  200      200      200      404
/groups/[groupId=id]/settings                             sign-in  sign-in  sign-in  200      200      200      404
/healthz                                                  200      200      200      200      200      200      200
/invite/[token]                                           200      200      200      200      200      200      200
/j                                                        200      200      200      200      200      200      200
/j/[code=joincode]                                        200      200      200      200      200      200      200
/j/[code=joincode]/events                                 200      200      200      200      200      200      200
/locale                                                   →/       →/       →/       →/       →/       →/       →/
/pact/[slug]                                              200      200      200      200      200      200      200
/present/[sessionId=id]                                   sign-in  sign-in  sign-in  200      200      200      404
/present/[sessionId=id]/events                            sign-in  sign-in  sign-in  200      200      200      404
/setup                                                    404      404      404      404      404      404      404
/sign-in                                                  200      200      200      →/groups →/groups →/groups →/groups
/sign-out                                                 sign-in  sign-in  sign-in  200      200      200      200
`);

// Control actions (sessions/[sessionId=id]?/…) act on a throwaway live session of group A, or on
// a fresh session in the state the action needs; groups?/create and invitations make throwaway
// objects; settings?/delete sends a wrong confirmation; sign-out ends a second auth session.
const S = '/groups/[groupId=id]/sessions/[sessionId=id]';
const actions = parseTable(`
action                                        anon     partA    partB    viewer   facil    owner    other
/account?/changePassword                      sign-in  sign-in  sign-in  invalid  invalid  invalid  invalid
/account?/signOutOne                          sign-in  sign-in  sign-in  invalid  invalid  invalid  invalid
/account?/signOutEverywhere                   sign-in  sign-in  sign-in  ok       ok       ok       ok
/groups?/create                               sign-in  sign-in  sign-in  ok       ok       ok       ok
/groups/[groupId=id]/members?/invite          sign-in  sign-in  sign-in  403      ok       ok       404
/groups/[groupId=id]/members?/withdraw        sign-in  sign-in  sign-in  403      ok       ok       404
/groups/[groupId=id]/members?/setRole         sign-in  sign-in  sign-in  403      403      ok       404
/groups/[groupId=id]/members?/remove          sign-in  sign-in  sign-in  403      403      ok       404
/groups/[groupId=id]/pact?/profile            sign-in  sign-in  sign-in  403      ok       ok       404
/groups/[groupId=id]/pact?/addParty           sign-in  sign-in  sign-in  403      ok       ok       404
/groups/[groupId=id]/pact?/editParty          sign-in  sign-in  sign-in  403      ok       ok       404
/groups/[groupId=id]/pact?/removeParty        sign-in  sign-in  sign-in  403      ok       ok       404
/groups/[groupId=id]/pact?/pick               sign-in  sign-in  sign-in  403      ok       ok       404
/groups/[groupId=id]/pact?/add                sign-in  sign-in  sign-in  403      ok       ok       404
/groups/[groupId=id]/pact?/edit               sign-in  sign-in  sign-in  403      ok       ok       404
/groups/[groupId=id]/pact?/move               sign-in  sign-in  sign-in  403      ok       ok       404
/groups/[groupId=id]/pact?/remove             sign-in  sign-in  sign-in  403      ok       ok       404
/groups/[groupId=id]/pact?/disagreement       sign-in  sign-in  sign-in  403      ok       ok       404
/groups/[groupId=id]/pact?/addMeasure         sign-in  sign-in  sign-in  403      ok       ok       404
/groups/[groupId=id]/pact?/followMeasure      sign-in  sign-in  sign-in  403      ok       ok       404
/groups/[groupId=id]/pact?/removeMeasure      sign-in  sign-in  sign-in  403      ok       ok       404
/groups/[groupId=id]/pact?/adopt              sign-in  sign-in  sign-in  403      ok       ok       404
/groups/[groupId=id]/pact?/publish            sign-in  sign-in  sign-in  403      ok       ok       404
/groups/[groupId=id]/pact/versions?/sign      sign-in  sign-in  sign-in  403      ok       ok       404
/groups/[groupId=id]/pact/versions?/unsign    sign-in  sign-in  sign-in  403      ok       ok       404
/groups/[groupId=id]/rules?/add               sign-in  sign-in  sign-in  403      ok       ok       404
/groups/[groupId=id]/rules?/edit              sign-in  sign-in  sign-in  403      ok       ok       404
/groups/[groupId=id]/rules?/move              sign-in  sign-in  sign-in  403      ok       ok       404
/groups/[groupId=id]/rules?/remove            sign-in  sign-in  sign-in  403      ok       ok       404
/groups/[groupId=id]/sessions?/create         sign-in  sign-in  sign-in  403      ok       ok       404
${S}?/open                                    sign-in  sign-in  sign-in  403      ok       ok       404
${S}?/next                                    sign-in  sign-in  sign-in  403      ok       ok       404
${S}?/previous                                sign-in  sign-in  sign-in  403      ok       ok       404
${S}?/openActivity                            sign-in  sign-in  sign-in  403      ok       ok       404
${S}?/closeActivity                           sign-in  sign-in  sign-in  403      ok       ok       404
${S}?/reveal                                  sign-in  sign-in  sign-in  403      ok       ok       404
${S}?/hide                                    sign-in  sign-in  sign-in  403      ok       ok       404
${S}?/timer                                   sign-in  sign-in  sign-in  403      ok       ok       404
${S}?/stopTimer                               sign-in  sign-in  sign-in  403      ok       ok       404
${S}?/projectorTheme                          sign-in  sign-in  sign-in  403      ok       ok       404
${S}?/recall                                  sign-in  sign-in  sign-in  403      ok       ok       404
${S}?/plan                                    sign-in  sign-in  sign-in  403      ok       ok       404
${S}?/close                                   sign-in  sign-in  sign-in  403      ok       ok       404
${S}?/finalize                                sign-in  sign-in  sign-in  403      ok       ok       404
${S}?/approveCard                             sign-in  sign-in  sign-in  403      ok       ok       404
${S}?/rejectCard                              sign-in  sign-in  sign-in  403      ok       ok       404
${S}?/addCommitment                           sign-in  sign-in  sign-in  403      ok       ok       404
${S}?/reviewCommitment                        sign-in  sign-in  sign-in  403      ok       ok       404
${S}?/removeCommitment                        sign-in  sign-in  sign-in  403      ok       ok       404
${S}/pact?/put                                sign-in  sign-in  sign-in  403      ok       ok       404
${S}/pact?/close                              sign-in  sign-in  sign-in  403      ok       ok       404
${S}/pact?/followMeasure                      sign-in  sign-in  sign-in  403      ok       ok       404
/groups/[groupId=id]/settings?/update         sign-in  sign-in  sign-in  403      ok       ok       404
/groups/[groupId=id]/settings?/delete         sign-in  sign-in  sign-in  403      403      invalid  404
/invite/[token]?/join                         sign-in  sign-in  sign-in  ok       ok       ok       ok
/invite/[token]?/register                     ok       ok       ok       ok       ok       ok       ok
/j?/default                                   ok       ok       ok       ok       ok       ok       ok
/j/[code=joincode]?/join                      ok       ok       ok       ok       ok       ok       ok
/j/[code=joincode]?/checkin                   403      ok       403      403      403      403      403
/j/[code=joincode]?/identity                  403      409      403      403      403      403      403
/j/[code=joincode]?/consent                   403      409      403      403      403      403      403
/j/[code=joincode]?/clauseConsent             403      409      403      403      403      403      403
/j/[code=joincode]?/answer                    403      409      403      403      403      403      403
/j/[code=joincode]?/card                      403      409      403      403      403      403      403
/j/[code=joincode]?/feedback                  403      409      403      403      403      403      403
/locale?/default                              ok       ok       ok       ok       ok       ok       ok
/setup?/default                               404      404      404      404      404      404      404
/sign-in?/default                             invalid  invalid  invalid  invalid  invalid  invalid  invalid
/sign-out?/default                            sign-in  sign-in  sign-in  sign-in  sign-in  sign-in  sign-in
`);

let server: AppServer;
let cast: Cast;

beforeAll(async () => {
	server = await startServer();
	cast = await castRoom(server.url, server.databasePath);
});
afterAll(async () => {
	await server?.stop();
	if (server) removeDatabase(server.databasePath);
});

/** A copy of an actor's browser, so that cookies a response sets do not change the actor. */
function copyOf(actor: Client): Client {
	const copy = new Client(actor.baseUrl);
	for (const [name, value] of actor.cookies) copy.cookies.set(name, value);
	return copy;
}

describe('the authorization matrix', () => {
	it('has exactly one row per route and per form action on disk', () => {
		const onDisk = routesOnDisk();
		expect([...pages.keys()].sort()).toEqual(onDisk.gets);
		expect([...actions.keys()].sort()).toEqual(onDisk.actions);
	});

	it('gives each person exactly the expected answer on every page and endpoint', async () => {
		const wrong: string[] = [];
		for (const [route, expected] of pages) {
			for (const name of actorNames) {
				const path = getPath(route, cast);
				const client = copyOf(cast.actors[name]);
				const got = route.endsWith('/events') ? await openStream(client, path) : outcome(await client.get(path));
				if (got !== expected[name]) wrong.push(`${route} ${name}: got ${got}, expected ${expected[name]}`);
			}
		}
		expect(wrong).toEqual([]);
	});

	it('lets each person run exactly the expected form actions, and refusals change nothing', async () => {
		const wrong: string[] = [];
		for (const [key, expected] of actions) {
			for (const name of actorNames) {
				const request = await actionRequest(key, name, cast, copyOf(cast.actors[name]));
				const before = databaseDigest(server.databasePath);
				const got = outcome(await request.send());
				if (got !== expected[name]) wrong.push(`${key} ${name}: got ${got}, expected ${expected[name]}`);
				else if (refusals.has(got) && databaseDigest(server.databasePath) !== before) {
					wrong.push(`${key} ${name}: refused with ${got} but changed the database`);
				}
			}
		}
		expect(wrong).toEqual([]);
	});
});
