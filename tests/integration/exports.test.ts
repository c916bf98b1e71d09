import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDemoGroup } from '$lib/server/demo';
import { demoLabels } from '$lib/server/demo-labels';
import { listSessions } from '$lib/server/db/sessions';
import { sql } from '$lib/server/db/connection';
import { exportGroup } from '$lib/server/exports/group-json';
import { importGroup, parseGroupExport } from '$lib/server/exports/group-import';
import { groupHistoryCsv } from '$lib/server/exports/history';
import { sessionAnswersCsv } from '$lib/server/exports/session-answers';
import { getFramework } from '$lib/server/framework';
import { kindBreakdown, publishedHistory, sessionResults } from '$lib/server/sessions/results';
import { makeUser, useLocale, useTempDatabase } from './helpers';

let cleanup: () => void;
let groupId: number;
beforeEach(() => {
	cleanup = useTempDatabase().cleanup;
	useLocale('fr');
	groupId = createDemoGroup(makeUser().id, getFramework('fr'), demoLabels());
});
afterEach(() => cleanup());

const lines = (csv: string) =>
	csv
		.replace(/^\uFEFF/, '')
		.trim()
		.split('\r\n');

describe('the CSV of a session’s answers', () => {
	it('gives per cell the counts of (a, b) pairs that add up to the published n, and no row for one person', () => {
		const session = listSessions(groupId)[0]!;
		const csv = sessionAnswersCsv(session, getFramework('fr'));
		const [header, ...rows] = lines(csv);
		expect(header).toBe(
			'session_date,instrument_version,level,principle,rating_a,rating_b,respondents,maturity,leaning'
		);
		const perCell = new Map<string, number>();
		for (const row of rows) {
			const [, , level, principle, , , count] = row.split(',');
			perCell.set(`${level}|${principle}`, (perCell.get(`${level}|${principle}`) ?? 0) + Number(count));
		}
		const results = sessionResults(session.id, getFramework('fr'))!;
		for (const [cell, n] of perCell) {
			const [level, principle] = cell.split('|') as [string, string];
			expect(results.cells[level]?.[principle]?.n).toBe(n);
			expect(n).toBeGreaterThanOrEqual(results.threshold);
		}
		expect(perCell.size).toBe(3 * 12);
		expect(csv).not.toContain('respondent,');
	});
});

describe('the CSV of a group’s history', () => {
	it('has one row per session × level × principle from the snapshots', () => {
		const [header, ...rows] = lines(groupHistoryCsv(groupId, getFramework('fr')));
		expect(header?.split(',')).toEqual([
			'session_date',
			'session_title',
			'instrument_version',
			'participants',
			'level',
			'principle',
			'n',
			'mean_maturity',
			'sd_maturity',
			'mean_leaning',
			'band_0_20',
			'band_20_40',
			'band_40_60',
			'band_60_80',
			'band_80_100'
		]);
		expect(rows).toHaveLength(4 * 3 * 12);
		for (const row of rows) {
			const [mean, sd, leaning] = row.split(',').slice(7, 10);
			if (mean) expect(Number(mean)).toBe(Math.round(Number(mean)));
			if (sd) expect(Number(sd)).toBe(Math.round(Number(sd)));
			if (leaning) expect(Number(leaning) * 10).toBeCloseTo(Math.round(Number(leaning) * 10), 9);
		}
	});
});

describe('the JSON export', () => {
	it('holds no per-person row: pair counts, tallies per rule, no token', () => {
		const exported = exportGroup(groupId)!;
		const text = JSON.stringify(exported);
		expect(text).not.toContain('respondent"');
		expect(text).not.toContain('"answers"');
		expect(text).not.toContain('token');
		for (const session of exported.sessions) {
			for (const consent of session.consents)
				expect(Object.keys(consent).sort()).toEqual(['abstain', 'consent', 'object', 'rule']);
			for (const pair of session.snapshot?.pairs ?? []) expect(pair.count).toBeGreaterThan(0);
			// A kind of actor's rows only where its figures are shown: a hidden one would say how many
			// of that kind answered each statement.
			const threshold = session.snapshot?.anonymityThreshold ?? 3;
			for (const row of session.snapshot?.results.filter((r) => r.actorKind !== '') ?? []) {
				expect(row.meanMaturity).not.toBeNull();
				expect(row.n).toBeGreaterThanOrEqual(threshold);
			}
		}
		expect(exported.sessions.some((s) => s.snapshot?.results.some((r) => r.actorKind !== ''))).toBe(true);
		for (const hash of sql('SELECT token_hash FROM participants').pluck().all() as string[])
			expect(text).not.toContain(hash);
		expect(text).not.toContain('@example.org');
	});

	it('re-imports into a group with identical results, history and commitments', () => {
		const exported = JSON.parse(JSON.stringify(exportGroup(groupId)));
		const parsed = parseGroupExport(exported);
		if (!('data' in parsed)) throw new Error(parsed.problem);
		const copyId = importGroup(parsed.data, makeUser('Lou').id);
		const strip = (history: ReturnType<typeof publishedHistory>) =>
			history.map((entry) => ({ ...entry, sessionId: 0 }));
		expect(strip(publishedHistory(copyId))).toEqual(strip(publishedHistory(groupId)));
		const framework = getFramework('fr');
		const originals = listSessions(groupId);
		const copies = listSessions(copyId);
		originals.forEach((session, index) => {
			expect(sessionResults(copies[index]!.id, framework)).toEqual(sessionResults(session.id, framework));
			expect(kindBreakdown(copies[index]!.id, framework)).toEqual(kindBreakdown(session.id, framework));
			expect(copies[index]!.participantCount).toBe(session.participantCount);
		});
		expect(JSON.parse(JSON.stringify(exportGroup(copyId))).commitments).toEqual(
			exported.commitments.map((c: { sessionKey: number }) => ({
				...c,
				sessionKey: copies[originals.findIndex((s) => s.id === c.sessionKey)]!.id
			}))
		);
	});

	it('refuses a file that is not an export, saying where', () => {
		expect(parseGroupExport({ format: 'other' })).toMatchObject({ problem: expect.stringContaining('format') });
	});

	it('refuses what no instance could have published, and sizes no session can reach', () => {
		const exported = JSON.parse(JSON.stringify(exportGroup(groupId)));
		const tamper = (change: (copy: typeof exported) => void) => {
			const copy = structuredClone(exported);
			change(copy);
			return parseGroupExport(copy);
		};
		const problem = { problem: expect.any(String) };
		expect(tamper((copy) => (copy.sessions[0].participantCount = 300000))).toMatchObject(problem);
		expect(tamper((copy) => (copy.sessions[0].title = 'Séance\u001b'))).toMatchObject(problem);
		expect(tamper((copy) => (copy.group.anonymityThreshold = 1e12))).toMatchObject(problem);
		expect(
			tamper((copy) => {
				const row = copy.sessions[0].snapshot.results.find(
					(r: { meanMaturity: number | null }) => r.meanMaturity !== null
				);
				row.n = 1;
			})
		).toMatchObject(problem);
		expect(
			tamper((copy) => copy.sessions[0].snapshot.pairs.push({ ...copy.sessions[0].snapshot.pairs[0] }))
		).toMatchObject(problem);
		expect(listSessions(groupId)).toHaveLength(4);
	});

	it('leaves nothing half-written when a session cannot be written', () => {
		const exported = JSON.parse(JSON.stringify(exportGroup(groupId)));
		const last = exported.sessions.at(-1);
		last.plan = [last.plan[0], last.plan[0]];
		const parsed = parseGroupExport(exported);
		if (!('data' in parsed)) throw new Error(parsed.problem);
		const before = sql('SELECT COUNT(*) FROM groups').pluck().get();
		expect(() => importGroup(parsed.data, makeUser('Noé').id)).toThrow();
		expect(sql('SELECT COUNT(*) FROM groups').pluck().get()).toBe(before);
		expect(sql('SELECT COUNT(*) FROM sessions').pluck().get()).toBe(4);
	});

	it('reads a file of format 1 (per-person rows) into counts, never keeping a row for one person', () => {
		const exported = exportGroup(groupId)!;
		const first = exported.sessions[0]!;
		const answers = first.snapshot!.pairs.flatMap((pair, index) =>
			Array.from({ length: pair.count }, (_, i) => ({ respondent: index * 100 + i + 1, ...pair }))
		);
		const v1 = {
			...exported,
			formatVersion: 1,
			sessions: [
				{
					...first,
					answers: answers.map(({ respondent, level, principleId, a, b }) => ({
						respondent,
						level,
						principleId,
						a,
						b
					})),
					consents: [0, 1, 2, 3, 4].map((respondent) => ({ respondent, rule: 0, choice: 'consent' })),
					checkins: [1, 2, 3, 4, 5].map((availability) => ({ availability, word: 'prêt' })),
					snapshot: { ...first.snapshot!, pairs: undefined }
				}
			]
		};
		const parsed = parseGroupExport(JSON.parse(JSON.stringify(v1)));
		if (!('data' in parsed)) throw new Error(parsed.problem);
		const copyId = importGroup(parsed.data, makeUser('Sam').id);
		const copy = listSessions(copyId)[0]!;
		expect(sessionResults(copy.id, getFramework('fr'))).toEqual(sessionResults(first.key, getFramework('fr')));
		expect(sql('SELECT COUNT(*) FROM answers WHERE session_id = ?').pluck().get(copy.id)).toBe(0);
		expect(exportGroup(copyId)!.sessions[0]!.consents).toEqual([{ rule: 0, consent: 5, object: 0, abstain: 0 }]);
	});
});
