import type { Framework } from '$lib/framework/types';
import { effectiveThreshold } from '$lib/scoring/anonymity';
import { isRated } from '$lib/scoring/rating';
import { countRespondents, deleteSessionAnswers, sessionAnswers } from '$lib/server/db/answers';
import { countParticipants } from '$lib/server/db/participants';
import { findSnapshot, saveSnapshot, type PairCount, type SnapshotRow } from '$lib/server/db/snapshots';
import type { Session } from '$lib/server/db/sessions';
import { aggregateByKind } from './results';

/** The (a, b) pairs given in each cell answered by at least the threshold, counted. */
function pairCounts(sessionId: number, threshold: number): PairCount[] {
	const byCell = new Map<string, Map<string, PairCount>>();
	for (const answer of sessionAnswers(sessionId)) {
		if (!isRated(answer)) continue;
		const cellKey = `${answer.level}|${answer.principleId}`;
		const cell = byCell.get(cellKey) ?? new Map<string, PairCount>();
		byCell.set(cellKey, cell);
		const pairKey = `${answer.a}|${answer.b}`;
		const pair = cell.get(pairKey) ?? {
			level: answer.level,
			principleId: answer.principleId,
			a: answer.a,
			b: answer.b,
			count: 0
		};
		pair.count += 1;
		cell.set(pairKey, pair);
	}
	return [...byCell.values()]
		.filter((cell) => [...cell.values()].reduce((sum, pair) => sum + pair.count, 0) >= effectiveThreshold(threshold))
		.flatMap((cell) => [...cell.values()]);
}

/**
 * Freezes a session's results, for everyone and per kind of actor, as aggregateByKind gives them,
 * with the pair counts that exports carry. Taken once: a later call keeps the first snapshot.
 */
export function takeSnapshot(session: Session, threshold: number, framework: Framework, now = Date.now()): void {
	if (findSnapshot(session.id)) return;
	const rows: SnapshotRow[] = [];
	for (const [actorKind, cells] of Object.entries(aggregateByKind(session.id, threshold, framework))) {
		for (const [level, principles] of Object.entries(cells)) {
			for (const [principleId, result] of Object.entries(principles)) {
				rows.push({ actorKind, level, principleId, result });
			}
		}
	}
	saveSnapshot(
		{
			sessionId: session.id,
			participantCount: countParticipants(session.id),
			respondentCount: countRespondents(session.id),
			anonymityThreshold: threshold,
			instrumentVersion: session.instrumentVersion
		},
		rows,
		pairCounts(session.id, threshold),
		now
	);
}

/** Forgets a session's per-person answers once its snapshot holds what they add up to. */
export function forgetAnswers(sessionId: number): void {
	if (findSnapshot(sessionId)) deleteSessionAnswers(sessionId);
}
