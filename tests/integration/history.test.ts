import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { overallMaturity } from '$lib/scoring/gaps';
import { principleTrends, timelineRows } from '$lib/session/history-view';
import { createDemoGroup } from '$lib/server/demo';
import { demoLabels } from '$lib/server/demo-labels';
import { findSession, listSessions } from '$lib/server/db/sessions';
import { createDraftSession, openSession, sessionPlan } from '$lib/server/sessions/lifecycle';
import { previousResults } from '$lib/server/sessions/results';
import { findGroup } from '$lib/server/db/groups';
import { load as compareLoad } from '../../src/routes/(site)/(facilitator)/groups/[groupId=id]/compare/+page.server';
import { listGroupHistory } from '$lib/server/db/snapshots';
import { getFramework } from '$lib/server/framework';
import { makeUser, useLocale, useTempDatabase } from './helpers';

let cleanup: () => void;
let db: ReturnType<typeof useTempDatabase>['db'];
beforeEach(() => {
	({ db, cleanup } = useTempDatabase());
	useLocale('fr');
});
afterEach(() => cleanup());

const framework = () => getFramework('fr');
const color = () => '#000000';

describe('the demo group', () => {
	it('has four closed quarterly sessions of 20 to 30 participants, labelled as a demo', () => {
		const groupId = createDemoGroup(makeUser().id, framework(), demoLabels());
		const sessions = listSessions(groupId);
		expect(sessions).toHaveLength(4);
		for (const session of sessions) {
			expect(session.status).toBe('closed');
			expect(session.title).toContain('démo');
			expect(session.participantCount).toBeGreaterThanOrEqual(20);
			expect(session.participantCount).toBeLessThanOrEqual(30);
		}
	});

	it('grows believably: every level ends higher than it started, Dans the most', () => {
		const groupId = createDemoGroup(makeUser().id, framework(), demoLabels());
		const history = listGroupHistory(groupId);
		expect(history.map((entry) => entry.heldOn)).toEqual([...history.map((entry) => entry.heldOn)].sort());
		const growth = (level: string) =>
			overallMaturity(history.at(-1)!.cells[level]!)! - overallMaturity(history[0]!.cells[level]!)!;
		expect(growth('je')).toBeGreaterThan(0);
		expect(growth('nous')).toBeGreaterThan(growth('je'));
		expect(growth('dans')).toBeGreaterThan(growth('nous'));
	});
});

describe('the history views', () => {
	it('give a timeline row per session and a trend per principle, from snapshots only', () => {
		const groupId = createDemoGroup(makeUser().id, framework(), demoLabels());
		const history = listGroupHistory(groupId);
		const levels = framework().levels;
		const principles = framework().principles;
		const rows = timelineRows(history, levels, principles, color);
		expect(rows).toHaveLength(4);
		expect(rows[0]!.radar.series).toHaveLength(3);
		expect(rows[0]!.overall.je).toBeGreaterThan(0);
		const trends = principleTrends(history, levels, principles, color);
		expect(trends.leftOut).toBe(0);
		expect(trends.trends).toHaveLength(12);
		expect(trends.trends[0]!.data.series[0]!.means).toHaveLength(4);
	});

	it('never draws two instrument versions in one trend, and says how many were left out', () => {
		const groupId = createDemoGroup(makeUser().id, framework(), demoLabels());
		const history = listGroupHistory(groupId).map((entry, index) => ({
			...entry,
			instrumentVersion: index < 2 ? 1 : 2
		}));
		const trends = principleTrends(history, framework().levels, framework().principles, color);
		expect(trends).toMatchObject({ version: 2, leftOut: 2 });
		expect(trends.trends[0]!.data.labels).toHaveLength(2);
	});
});

describe('the previous session', () => {
	it('is the latest closed one held before, to overlay on a reveal', () => {
		const groupId = createDemoGroup(makeUser().id, framework(), demoLabels());
		const next = findSession(
			createDraftSession(groupId, { title: 'Suivante', heldOn: '2026-12-08', settleDays: 7 }, framework())
		)!;
		const previous = previousResults(next);
		expect(previous?.title).toBe('Séance trimestrielle 4 (démo)');
		expect(previous?.cells.je?.place).toMatchObject({ shown: true });
		const first = listSessions(groupId).at(-1)!;
		expect(previousResults(first)).toBeNull();
	});
});

describe('the comparison page', () => {
	type Loaded = {
		sessions: { sessionId: number; instrumentVersion: number }[];
		comparison: {
			sameVersion: boolean;
			participation: { title: string; joined: number; respondents: number; version: number }[];
			before: { title: string };
			after: { title: string };
			changes: { principleId: string; byLevel: Record<string, { delta: number; notable: boolean } | null> }[];
		} | null;
	};
	const compare = async (groupId: number, query = '') =>
		(await compareLoad({
			parent: async () => ({ group: findGroup(groupId)! }),
			url: new URL(`http://localhost/groups/${groupId}/compare${query}`)
		} as never)) as unknown as Loaded;

	it('compares the last two sessions by default, and any two on request', async () => {
		const groupId = createDemoGroup(makeUser().id, framework(), demoLabels());
		const byDefault = await compare(groupId);
		expect(byDefault.comparison?.before.title).toBe('Séance trimestrielle 3 (démo)');
		expect(byDefault.comparison?.after.title).toBe('Séance trimestrielle 4 (démo)');
		expect(byDefault.comparison?.changes).toHaveLength(12);
		const [first, , , last] = byDefault.sessions;
		const wide = await compare(groupId, `?a=${first!.sessionId}&b=${last!.sessionId}`);
		const dans = wide.comparison!.changes.map((row) => row.byLevel.dans!);
		// Over a year the demo's Dans level grows clearly: most changes are notable rises.
		expect(dans.filter((change) => change.delta > 0 && change.notable).length).toBeGreaterThan(6);
	});

	it('says when two sessions used different questionnaires, and compares only who took part', async () => {
		const groupId = createDemoGroup(makeUser().id, framework(), demoLabels());
		const [first, , , last] = listGroupHistory(groupId);
		db.prepare('UPDATE session_snapshots SET instrument_version = 1 WHERE session_id = ?').run(first!.sessionId);
		const loaded = await compare(groupId, `?a=${first!.sessionId}&b=${last!.sessionId}`);
		expect(loaded.comparison?.sameVersion).toBe(false);
		expect(loaded.comparison?.changes).toEqual([]);
		expect(loaded.comparison?.participation).toEqual([
			{ title: first!.title, joined: first!.participantCount, respondents: first!.respondentCount, version: 1 },
			{ title: last!.title, joined: last!.participantCount, respondents: last!.respondentCount, version: 2 }
		]);
		expect(loaded.sessions.map((session) => session.instrumentVersion)).toEqual([1, 2, 2, 2]);
	});

	it('shows nothing to compare with fewer than two sessions', async () => {
		const groupId = createDemoGroup(makeUser().id, framework(), demoLabels(), { sessions: 1 });
		expect((await compare(groupId)).comparison).toBeNull();
	});
});

describe('the instrument version of a session', () => {
	it('is the current one when a draft made before an upgrade opens', () => {
		const groupId = createDemoGroup(makeUser().id, framework(), demoLabels(), { sessions: 1 });
		const id = createDraftSession(
			groupId,
			{ title: 'Avant la mise à jour', heldOn: '2026-12-08', settleDays: 7 },
			framework()
		);
		db.prepare('UPDATE sessions SET instrument_version = 1 WHERE id = ?').run(id);
		expect(findSession(id)!.instrumentVersion).toBe(1);
		openSession(findSession(id)!, sessionPlan(id, framework()), framework().instrumentVersion);
		expect(findSession(id)!.instrumentVersion).toBe(2);
	});

	it('keeps the previous results to a session of the same version', () => {
		const groupId = createDemoGroup(makeUser().id, framework(), demoLabels());
		const next = findSession(
			createDraftSession(groupId, { title: 'Suivante', heldOn: '2026-12-08', settleDays: 7 }, framework())
		)!;
		expect(previousResults(next)).not.toBeNull();
		expect(previousResults({ ...next, instrumentVersion: 1 })).toBeNull();
	});
});
