import type { Framework } from '$lib/framework/types';
import { countRespondents, sessionAnswersByKind } from '$lib/server/db/answers';
import { actorKinds, countParticipants } from '$lib/server/db/participants';
import { protectSubgroups, type Cells } from '$lib/scoring/subgroups';
import { findSnapshot, saveSnapshot, type SnapshotRow } from '$lib/server/db/snapshots';
import type { Session } from '$lib/server/db/sessions';
import { aggregateCells } from './results';

/**
 * Freezes a closing session's results, for everyone and per kind of actor; each sub-group obeys
 * the threshold on its own, and none can be subtracted from the whole to reveal a few people. Taken once: a later call keeps the first snapshot.
 */
export function takeSnapshot(session: Session, threshold: number, framework: Framework, now = Date.now()): void {
	if (findSnapshot(session.id)) return;
	const answers = sessionAnswersByKind(session.id);
	const everyone = aggregateCells(answers, threshold, framework);
	const byKind: Record<string, Cells> = {};
	for (const kind of actorKinds) {
		const subset = answers.filter((answer) => answer.actorKind === kind);
		if (subset.length > 0) byKind[kind] = aggregateCells(subset, threshold, framework);
	}
	const rows: SnapshotRow[] = [];
	for (const [actorKind, cells] of Object.entries({ '': everyone, ...protectSubgroups(everyone, byKind, threshold) })) {
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
		now
	);
}
