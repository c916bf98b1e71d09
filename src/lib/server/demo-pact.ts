import { findLibraryClause, type PactLibrary } from '$lib/pact/library';
import type { ClauseState, MeasureStatus, PartyKind, RoundSummary } from '$lib/pact/pact';
import {
	addClause,
	addMeasure,
	addParty,
	followMeasure,
	listClauses,
	saveClause,
	updateGroupProfile
} from '$lib/server/db/pact';
import { findVersion, saveSignature } from '$lib/server/db/pact-versions';
import { adoptDraft } from '$lib/server/pact/versions';
import { editClause, recordDisagreement } from '$lib/server/pact/draft';

export interface DemoPactLabels {
	library: PactLibrary;
	territory: string;
	parties: { name: string; kind: PartyKind }[];
	ownCommitment: string;
	measures: string[];
	notes: { carried: string; dropped: string; done: string };
	disagreement: string;
	reworded: string;
	signatory: (n: number) => string;
	role: string;
}

const simulated = (n: number, object = 0): RoundSummary => ({
	n,
	tally: { consent: n - 3 - object, reservation: 3, object },
	reasons: []
});

function consent(groupId: number, clauseId: number, n: number, state: ClauseState = 'consented') {
	const clause = listClauses(groupId).find((c) => c.id === clauseId)!;
	saveClause(clauseId, { ...clause, state, tally: simulated(n, state === 'objected' ? 2 : 0) });
}

/**
 * The demo group's pact: drafted from the library, consented (simulated tallies over 20 people or
 * more), adopted as version 1 at the second session and signed by its three parties, one clause
 * reworded and its measures followed up until version 2 at the last session.
 */
export function createDemoPact(groupId: number, quarters: string[], labels: DemoPactLabels): void {
	updateGroupProfile(groupId, { spaceKind: 'groupe-cooperation', territory: labels.territory });
	const parties = labels.parties.map((p) => addParty(groupId, p.name, p.kind));
	const pick = (libraryId: string, partyId: number | null = null) => {
		const clause = findLibraryClause(labels.library, libraryId)!;
		return addClause(groupId, { part: clause.part, text: clause.text, libraryId, credit: clause.credit, partyId });
	};
	const ids = [
		pick('duree-trois-ans'),
		pick('vision-horizon'),
		pick('objectifs-operationnels'),
		pick('decision-consentement'),
		pick('vote-dernier-recours'),
		pick('droit-desaccord'),
		pick('engagement-moyens', parties[0]!),
		pick('engagement-restitution')
	];
	const own = addClause(groupId, {
		part: 'commitments',
		text: labels.ownCommitment,
		libraryId: null,
		credit: '',
		partyId: parties[1]!
	});
	const measures = labels.measures.map((text, i) => addMeasure(i === 0 ? ids[6]! : own, text));
	for (const id of [...ids, own]) consent(groupId, id, 22, id === ids[4] ? 'objected' : 'consented');
	recordDisagreement(groupId, ids[4]!, labels.disagreement);

	const sign = (number: number, signed: number[], on: string) => {
		const version = findVersion(groupId, number)!;
		signed.forEach((party, i) =>
			saveSignature({
				versionId: version.id,
				partyId: party,
				name: labels.signatory(i + 1),
				role: labels.role,
				signedOn: on
			})
		);
	};
	const first = quarters[1] ?? quarters[0]!;
	adoptDraft(groupId, first, null);
	sign(1, parties, first);

	const statuses: [MeasureStatus, string][] = [
		['done', labels.notes.done],
		['carried', labels.notes.carried],
		['dropped', labels.notes.dropped]
	];
	measures.forEach((id, i) => {
		const [status, note] = statuses[i % statuses.length]!;
		followMeasure(groupId, id, status, note);
	});
	editClause(groupId, ids[4]!, labels.reworded, null);
	consent(groupId, ids[4]!, 24);
	const last = quarters.at(-1)!;
	adoptDraft(groupId, last, null);
	sign(2, parties.slice(0, 2), last);
}
