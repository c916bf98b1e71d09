// Every endpoint of the app and where it lives: bad-input-endpoints.test.ts calls each with the
// wrong person and the wrong ids, and the coverage test fails when one is missing here.
import type { World } from './bad-input-world';
import { GET as exportJson } from '../../src/routes/(site)/(facilitator)/groups/[groupId=id]/export.json/+server';
import { GET as historyCsv } from '../../src/routes/(site)/(facilitator)/groups/[groupId=id]/history.csv/+server';
import { GET as answersCsv } from '../../src/routes/(site)/(facilitator)/groups/[groupId=id]/sessions/[sessionId=id]/answers.csv/+server';
import { GET as controlEvents } from '../../src/routes/(site)/(facilitator)/groups/[groupId=id]/sessions/[sessionId=id]/events/+server';
import { GET as framework } from '../../src/routes/(site)/api/framework/+server';
import { GET as health } from '../../src/routes/healthz/+server';
import { GET as phoneEvents } from '../../src/routes/j/[code=joincode]/events/+server';
import { GET as projectorEvents } from '../../src/routes/present/[sessionId=id]/events/+server';

export interface Endpoint {
	handler: (event: never) => unknown;
	/** The path and params, for a given id in place of the real one. */
	target: (world: World, id?: string) => { path: string; params: Record<string, string> };
	/** Who may read it: a member of the group (with a role lacking the right, if any), anyone. */
	audience: 'member' | 'anyone';
	lacking?: 'viewer';
}

const group = (world: World, id = String(world.groupId), rest = '') => ({
	path: `/groups/${id}${rest}`,
	params: { groupId: id }
});
const session = (world: World, id = String(world.liveId), rest = '') => ({
	path: `/groups/${world.groupId}/sessions/${id}${rest}`,
	params: { groupId: String(world.groupId), sessionId: id }
});

export const endpoints: Record<string, Endpoint> = {
	'(site)/(facilitator)/groups/[groupId=id]/export.json': {
		handler: exportJson,
		target: (world, id) => group(world, id, '/export.json'),
		audience: 'member',
		lacking: 'viewer'
	},
	'(site)/(facilitator)/groups/[groupId=id]/history.csv': {
		handler: historyCsv,
		target: (world, id) => group(world, id, '/history.csv'),
		audience: 'member'
	},
	'(site)/(facilitator)/groups/[groupId=id]/sessions/[sessionId=id]/answers.csv': {
		handler: answersCsv,
		target: (world, id) => session(world, id, '/answers.csv'),
		audience: 'member'
	},
	'(site)/(facilitator)/groups/[groupId=id]/sessions/[sessionId=id]/events': {
		handler: controlEvents,
		target: (world, id) => session(world, id, '/events'),
		audience: 'member'
	},
	'present/[sessionId=id]/events': {
		handler: projectorEvents,
		target: (world, id = String(world.liveId)) => ({ path: `/present/${id}/events`, params: { sessionId: id } }),
		audience: 'member'
	},
	'j/[code=joincode]/events': {
		handler: phoneEvents,
		target: (world, code = world.liveCode) => ({ path: `/j/${code}/events`, params: { code } }),
		audience: 'anyone'
	},
	'(site)/api/framework': {
		handler: framework,
		target: () => ({ path: '/api/framework', params: {} }),
		audience: 'anyone'
	},
	healthz: {
		handler: health,
		target: () => ({ path: '/healthz', params: {} }),
		audience: 'anyone'
	}
};
