import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { overallMaturity } from '$lib/scoring/gaps';
import { principleTrends, timelineRows } from '$lib/session/history-view';
import { createDemoGroup } from '$lib/server/demo';
import { demoLabels } from '$lib/server/demo-labels';
import { findSession, listSessions } from '$lib/server/db/sessions';
import { createDraftSession } from '$lib/server/sessions/lifecycle';
import { previousResults } from '$lib/server/sessions/results';
import { listGroupHistory } from '$lib/server/db/snapshots';
import { getFramework } from '$lib/server/framework';
import { makeUser, useLocale, useTempDatabase } from './helpers';

let cleanup: () => void;
beforeEach(() => {
	cleanup = useTempDatabase().cleanup;
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
		expect(previous?.title).toBe('Revue trimestrielle 4 (démo)');
		expect(previous?.cells.je?.place).toMatchObject({ shown: true });
		const first = listSessions(groupId).at(-1)!;
		expect(previousResults(first)).toBeNull();
	});
});
