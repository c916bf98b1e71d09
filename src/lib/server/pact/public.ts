import { generateToken } from '$lib/server/auth/tokens';
import { findPublicGroup, groupProfile, listMeasures, setPublicPact } from '$lib/server/db/pact';
import { listSignatures, listVersions } from '$lib/server/db/pact-versions';

/** Turns a group's public page on or off; its address is drawn the first time and then kept. */
export function setPublicPage(groupId: number, on: boolean): void {
	setPublicPact(groupId, on, generateToken());
}

/**
 * What the population may read of a group's pact: the current version, its signatories and the
 * state of its commitments. No answers, no objections' reasons, no tally under the threshold (a
 * version only holds released tallies), no names of participants.
 */
export function publicPact(slug: string) {
	const group = findPublicGroup(slug);
	if (!group) return undefined;
	const version = listVersions(group.id).at(-1);
	const profile = groupProfile(group.id);
	if (!version) return { group: { name: group.name }, profile, version: null };
	const measures = listMeasures(group.id);
	const signatures = listSignatures(group.id).filter((s) => s.versionId === version.id);
	const { parties, clauses } = version.content;
	return {
		group: { name: group.name },
		profile: { spaceKind: version.content.spaceKind, territory: version.content.territory },
		version: {
			number: version.number,
			adoptedOn: version.adoptedOn,
			parties: parties.map((party) => {
				const signed = signatures.find((s) => s.partyId === party.id);
				return {
					...party,
					signature: signed ? { name: signed.name, role: signed.role, signedOn: signed.signedOn } : null
				};
			}),
			clauses: clauses.map((clause) => ({
				id: clause.id,
				part: clause.part,
				text: clause.text,
				credit: clause.credit,
				partyId: clause.partyId,
				disagreement: clause.disagreement,
				tally: clause.tally?.tally ?? null,
				// The measures as followed since, when the clause is still in the draft.
				measures: measures.some((m) => m.clauseId === clause.id)
					? measures.filter((m) => m.clauseId === clause.id).map(({ text, status, note }) => ({ text, status, note }))
					: clause.measures
			}))
		}
	};
}
