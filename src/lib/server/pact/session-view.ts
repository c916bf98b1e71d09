import type { Group } from '$lib/server/db/groups';
import { listMeasures, listParties } from '$lib/server/db/pact';
import type { Session } from '$lib/server/db/sessions';
import { roomPact } from './rounds';
import { changesSinceLastVersion } from './versions';

/**
 * The pact at stage 3 of a session, for the control view and the projector: the clause put to the
 * room with how many chose (never what), the released tallies of closed rounds, what the draft
 * changes since the last version, and each party's commitments with their measures.
 */
export function sessionPactView(session: Session, group: Group) {
	const room = roomPact(session);
	const measures = listMeasures(group.id);
	return {
		...room,
		threshold: group.anonymityThreshold,
		parties: listParties(group.id),
		changes: changesSinceLastVersion(group.id),
		commitments: room.clauses
			.filter((c) => c.part === 'commitments')
			.map((c) => ({
				id: c.id,
				text: c.text,
				partyId: c.partyId,
				measures: measures.filter((x) => x.clauseId === c.id)
			}))
	};
}

export type SessionPactView = ReturnType<typeof sessionPactView>;

/** What the projector shows of the pact: no objection's reason, no tally under the threshold. */
export function projectorPact(session: Session, group: Group) {
	const view = sessionPactView(session, group);
	return {
		open: view.open ? { text: view.open.text, count: view.open.count } : null,
		closed: view.rounds.map((r) => ({
			id: r.id,
			text: r.text,
			n: r.summary?.n ?? 0,
			tally: r.summary?.tally ?? null,
			withheld: r.summary?.withheld
		})),
		changes: view.changes,
		commitments: view.commitments.map((c) => ({
			id: c.id,
			text: c.text,
			party: view.parties.find((p) => p.id === c.partyId)?.name ?? '',
			measures: c.measures.map(({ id, text, status, note }) => ({ id, text, status, note }))
		}))
	};
}
