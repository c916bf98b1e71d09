import type { Framework } from '$lib/framework/types';
import { countPairs } from '$lib/scoring/pairs';
import { countRespondents, deleteSessionAnswers, sessionAnswers } from '$lib/server/db/answers';
import { countParticipants } from '$lib/server/db/participants';
import { findSnapshot, saveSnapshot, type SnapshotRow } from '$lib/server/db/snapshots';
import type { Session } from '$lib/server/db/sessions';
import { aggregateByKind } from './results';

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
		countPairs(sessionAnswers(session.id), threshold),
		now
	);
}

/** Forgets a session's per-person answers once its snapshot holds what they add up to. */
export function forgetAnswers(sessionId: number): void {
	if (findSnapshot(sessionId)) deleteSessionAnswers(sessionId);
}
