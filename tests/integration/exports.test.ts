import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDemoGroup } from '$lib/server/demo';
import { demoLabels } from '$lib/server/demo-labels';
import { listSessions } from '$lib/server/db/sessions';
import { listGroupHistory } from '$lib/server/db/snapshots';
import { setParticipantIdentity } from '$lib/server/db/participants';
import { sql } from '$lib/server/db/connection';
import { exportGroup } from '$lib/server/exports/group-json';
import { importGroup, parseGroupExport } from '$lib/server/exports/group-import';
import { groupHistoryCsv } from '$lib/server/exports/history';
import { sessionAnswersCsv } from '$lib/server/exports/session-answers';
import { getFramework } from '$lib/server/framework';
import { computeResults } from '$lib/server/sessions/results';
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
	it('has one row per respondent × level × principle, a random respondent number and nothing else about people', () => {
		const session = listSessions(groupId)[0]!;
		const participantIds = sql('SELECT id FROM participants WHERE session_id = ?').pluck().all(session.id) as number[];
		setParticipantIdentity(participantIds[0]!, 'Camille Martin', 'elu');
		const tokens = sql('SELECT token_hash FROM participants WHERE session_id = ?').pluck().all(session.id) as string[];
		const csv = sessionAnswersCsv(session, getFramework('fr'));
		const [header, ...rows] = lines(csv);
		expect(header).toBe(
			'session_date,instrument_version,respondent,level,principle,rating_a,rating_b,maturity,leaning'
		);
		expect(rows).toHaveLength(session.participantCount * 3 * 12);
		const respondents = new Set(rows.map((row) => Number(row.split(',')[2])));
		expect([...respondents].sort((a, b) => a - b)).toEqual(
			Array.from({ length: session.participantCount }, (_, i) => i + 1)
		);
		expect(csv).not.toContain('Camille');
		expect(csv).not.toContain('elu');
		for (const token of tokens) expect(csv).not.toContain(token);
		for (const id of participantIds.filter((id) => id > session.participantCount))
			expect(respondents.has(id)).toBe(false);
		// "I can't say" is an empty rating and no maturity, never 0.
		expect(rows.some((row) => row.split(',')[5] === '' && row.split(',')[7] === '')).toBe(true);
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
	});
});

describe('the JSON export', () => {
	it('holds no token, name or kind of actor next to an answer', () => {
		const session = listSessions(groupId)[0]!;
		const id = sql('SELECT id FROM participants WHERE session_id = ? LIMIT 1').pluck().get(session.id) as number;
		setParticipantIdentity(id, 'Dominique Leroy', 'elu');
		const text = JSON.stringify(exportGroup(groupId));
		expect(text).not.toContain('Dominique');
		expect(text).not.toContain('token');
		for (const hash of sql('SELECT token_hash FROM participants').pluck().all() as string[])
			expect(text).not.toContain(hash);
		expect(text).not.toContain('@example.org');
	});

	it('re-imports into a group with identical results, history and commitments', () => {
		const exported = JSON.parse(JSON.stringify(exportGroup(groupId)));
		const parsed = parseGroupExport(exported);
		if (!('data' in parsed)) throw new Error(parsed.problem);
		const copyId = importGroup(parsed.data, makeUser('Lou').id);
		const strip = (history: ReturnType<typeof listGroupHistory>) =>
			history.map((entry) => ({ ...entry, sessionId: 0 }));
		expect(strip(listGroupHistory(copyId))).toEqual(strip(listGroupHistory(groupId)));
		const framework = getFramework('fr');
		const originals = listSessions(groupId);
		const copies = listSessions(copyId);
		originals.forEach((session, index) => {
			expect(computeResults(copies[index]!.id, 3, framework)).toEqual(computeResults(session.id, 3, framework));
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
});
