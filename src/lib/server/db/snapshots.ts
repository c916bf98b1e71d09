import { aggregateFromFigures, type Aggregate } from '$lib/scoring/aggregate';
import type { PairCount } from '$lib/scoring/pairs';
import { protectSubgroups, type Cells } from '$lib/scoring/subgroups';
import { sql, transaction } from './connection';

export interface SnapshotMeta {
	sessionId: number;
	participantCount: number;
	respondentCount: number;
	anonymityThreshold: number;
	instrumentVersion: number;
}

export interface SnapshotRow {
	actorKind: string;
	level: string;
	principleId: string;
	result: Aggregate;
}

export type { Cells } from '$lib/scoring/subgroups';

export type { PairCount } from '$lib/scoring/pairs';

/** Freezes a session's results, once, with the pair counts of its cells of at least the threshold. */
export function saveSnapshot(meta: SnapshotMeta, rows: SnapshotRow[], pairs: PairCount[], takenAt = Date.now()): void {
	transaction(() => {
		sql(
			`INSERT INTO session_snapshots
			 (session_id, participant_count, respondent_count, anonymity_threshold, instrument_version, taken_at)
			 VALUES (?, ?, ?, ?, ?, ?)`
		).run(
			meta.sessionId,
			meta.participantCount,
			meta.respondentCount,
			meta.anonymityThreshold,
			meta.instrumentVersion,
			takenAt
		);
		const insert = sql(
			`INSERT INTO snapshot_results
			 (session_id, actor_kind, level, principle_id, n, mean_maturity, sd_maturity, mean_leaning, distribution)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
		);
		for (const { actorKind, level, principleId, result } of rows) {
			insert.run(
				meta.sessionId,
				actorKind,
				level,
				principleId,
				result.n,
				result.shown ? result.meanMaturity : null,
				result.shown ? result.sdMaturity : null,
				result.shown ? result.meanLeaning : null,
				result.shown && result.distribution ? JSON.stringify(result.distribution) : null
			);
		}
		const insertPair = sql(
			`INSERT INTO snapshot_pairs (session_id, level, principle_id, rating_a, rating_b, count) VALUES (?, ?, ?, ?, ?, ?)`
		);
		for (const { level, principleId, a, b, count } of pairs) {
			insertPair.run(meta.sessionId, level, principleId, a, b, count);
		}
	});
}

/** When a session's snapshot was taken, or undefined when it has none: what cached results are keyed on. */
export function snapshotTakenAt(sessionId: number): number | undefined {
	return sql('SELECT taken_at FROM session_snapshots WHERE session_id = ?').pluck().get(sessionId) as
		number | undefined;
}

/** The threshold a session's snapshot was taken with, or undefined when it has none. */
export function snapshotThreshold(sessionId: number): number | undefined {
	return sql('SELECT anonymity_threshold FROM session_snapshots WHERE session_id = ?').pluck().get(sessionId) as
		number | undefined;
}

/** A snapshot's pair counts, by level, principle and pair. */
export function snapshotPairs(sessionId: number): PairCount[] {
	return sql(
		`SELECT level, principle_id AS principleId, rating_a AS a, rating_b AS b, count FROM snapshot_pairs
		 WHERE session_id = ? ORDER BY level, principle_id, rating_a, rating_b`
	).all(sessionId) as PairCount[];
}

interface ResultRow {
	sessionId: number;
	actorKind: string;
	level: string;
	principleId: string;
	n: number;
	meanMaturity: number | null;
	sdMaturity: number | null;
	meanLeaning: number | null;
	distribution: string | null;
}

function toAggregate(row: ResultRow): Aggregate {
	return aggregateFromFigures({
		...row,
		distribution: row.distribution === null ? null : (JSON.parse(row.distribution) as number[])
	});
}

/**
 * A snapshot's figures by actor kind ('' for everyone), then level, then principle; kinds are
 * protected again, for snapshots taken before sub-groups were protected when taken.
 */
function group(rows: ResultRow[], threshold: number): Record<string, Cells> {
	const byKind: Record<string, Cells> = {};
	for (const row of rows) {
		const cells = (byKind[row.actorKind] ??= {});
		(cells[row.level] ??= {})[row.principleId] = toAggregate(row);
	}
	const { '': everyone = {}, ...kinds } = byKind;
	return { '': everyone, ...protectSubgroups(everyone, kinds, threshold) };
}

const resultColumns = `r.session_id AS sessionId, r.actor_kind AS actorKind, r.level, r.principle_id AS principleId, r.n,
	r.mean_maturity AS meanMaturity, r.sd_maturity AS sdMaturity, r.mean_leaning AS meanLeaning, r.distribution`;

/** A session's snapshot, or undefined when it has none yet. */
export function findSnapshot(sessionId: number): (SnapshotMeta & { byKind: Record<string, Cells> }) | undefined {
	const meta = sql(
		`SELECT session_id AS sessionId, participant_count AS participantCount, respondent_count AS respondentCount,
		   anonymity_threshold AS anonymityThreshold, instrument_version AS instrumentVersion
		 FROM session_snapshots WHERE session_id = ?`
	).get(sessionId) as SnapshotMeta | undefined;
	if (!meta) return undefined;
	const rows = sql(`SELECT ${resultColumns} FROM snapshot_results r WHERE r.session_id = ?`).all(
		sessionId
	) as ResultRow[];
	return { ...meta, byKind: group(rows, meta.anonymityThreshold) };
}

export interface HistoryEntry extends SnapshotMeta {
	title: string;
	heldOn: string;
	/** Everyone's figures: level → principle → aggregate. */
	cells: Cells;
}

/** A group's closed sessions, oldest first, with everyone's exact figures (results.ts publishes them). */
export function listGroupHistory(groupId: number): HistoryEntry[] {
	const metas = sql(
		`SELECT s.id AS sessionId, s.title, s.held_on AS heldOn, n.participant_count AS participantCount,
		   n.respondent_count AS respondentCount, n.anonymity_threshold AS anonymityThreshold,
		   n.instrument_version AS instrumentVersion
		 FROM sessions s JOIN session_snapshots n ON n.session_id = s.id
		 WHERE s.group_id = ? AND s.status = 'closed' ORDER BY s.held_on, s.id`
	).all(groupId) as Omit<HistoryEntry, 'cells'>[];
	const rows = sql(
		`SELECT ${resultColumns} FROM snapshot_results r JOIN sessions s ON s.id = r.session_id
		 WHERE s.group_id = ? AND r.actor_kind = ''`
	).all(groupId) as ResultRow[];
	const bySession = new Map<number, ResultRow[]>();
	for (const row of rows) {
		const list = bySession.get(row.sessionId) ?? [];
		list.push(row);
		bySession.set(row.sessionId, list);
	}
	return metas.map((meta) => ({
		...meta,
		cells: group(bySession.get(meta.sessionId) ?? [], meta.anonymityThreshold)[''] ?? {}
	}));
}
