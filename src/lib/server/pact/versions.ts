import { adoptionBlocker, diffClauses } from '$lib/pact/pact';
import { transaction } from '$lib/server/db/connection';
import { listClauses, listParties } from '$lib/server/db/pact';
import { findVersion, insertVersion, listSignatures, listVersions, saveSignature } from '$lib/server/db/pact-versions';
import { draftContent } from './draft';

/**
 * Adopts the draft as a new version, frozen with its date and tallies; refuses a draft with a clause
 * the room has not consented to and whose disagreement is not recorded.
 */
export function adoptDraft(
	groupId: number,
	adoptedOn: string,
	sessionId: number | null
): { number: number } | { refusal: 'empty' | 'undecided' | 'unchanged' } {
	return transaction(() => {
		const blocker = adoptionBlocker(listClauses(groupId));
		if (blocker) return { refusal: blocker };
		const content = draftContent(groupId);
		const last = listVersions(groupId).at(-1);
		if (last && diffClauses(last.content.clauses, content.clauses).length === 0) return { refusal: 'unchanged' };
		return { number: insertVersion(groupId, { adoptedOn, sessionId, content }) };
	});
}

/** Records a party's signatory on a version; false when the version or the party is not the group's. */
export function signVersion(
	groupId: number,
	number: number,
	partyId: number,
	fields: { name: string; role: string; signedOn: string }
): boolean {
	const version = findVersion(groupId, number);
	if (!version || !listParties(groupId).some((p) => p.id === partyId)) return false;
	saveSignature({ versionId: version.id, partyId, ...fields });
	return true;
}

/** What changed between two versions of a group (0 stands for nothing: the first version entire). */
export function versionDiff(groupId: number, from: number, to: number) {
	const before = from === 0 ? [] : findVersion(groupId, from)?.content.clauses;
	const after = findVersion(groupId, to)?.content.clauses;
	if (!before || !after) return undefined;
	return diffClauses(before, after);
}

/** What the draft changes from the last version: the follow-up of stage 3. */
export function changesSinceLastVersion(groupId: number) {
	const last = listVersions(groupId).at(-1);
	if (!last) return null;
	return {
		number: last.number,
		adoptedOn: last.adoptedOn,
		changes: diffClauses(last.content.clauses, listClauses(groupId))
	};
}

/** The pact's timeline for the history page: each version, what it changed, who signed it. */
export function pactTimeline(groupId: number) {
	const versions = listVersions(groupId);
	const signatures = listSignatures(groupId);
	return versions
		.map((version, index) => ({
			number: version.number,
			adoptedOn: version.adoptedOn,
			changeCount: diffClauses(versions[index - 1]?.content.clauses ?? [], version.content.clauses).length,
			disagreementCount: version.content.clauses.filter((c) => c.disagreement).length,
			partyCount: version.content.parties.length,
			signatories: signatures
				.filter((s) => s.versionId === version.id)
				.map((s) => version.content.parties.find((p) => p.id === s.partyId)?.name ?? '')
				.filter(Boolean)
		}))
		.reverse();
}
