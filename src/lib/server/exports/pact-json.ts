import * as v from 'valibot';
import { clauseStates, measureStatuses, pactParts, partyKinds, type VersionContent } from '$lib/pact/pact';
import { readable } from '$lib/server/validation/form';
import {
	addClause,
	addMeasure,
	addParty,
	followMeasure,
	groupProfile,
	listClauses,
	listMeasures,
	listParties,
	saveClause,
	setPublicPact,
	updateGroupProfile
} from '$lib/server/db/pact';
import { insertVersion, listSignatures, listVersions, saveSignature, findVersion } from '$lib/server/db/pact-versions';
import { generateToken } from '$lib/server/auth/tokens';

/**
 * A group's pact for its export: profile, parties, the draft with its measures, every version with
 * its signatures. Ids are the first instance's, as keys that the import maps to its own. Tallies are
 * the released ones only (from k up); the public page's address is not carried, a new one is drawn.
 */
export function exportPact(groupId: number) {
	const profile = groupProfile(groupId);
	const measures = listMeasures(groupId);
	const signatures = listSignatures(groupId);
	return {
		profile: { spaceKind: profile.spaceKind, territory: profile.territory, publicPage: profile.publicPact },
		parties: listParties(groupId).map(({ id, name, kind }) => ({ key: id, name, kind })),
		clauses: listClauses(groupId).map((clause) => ({
			key: clause.id,
			part: clause.part,
			text: clause.text,
			libraryId: clause.libraryId,
			credit: clause.credit,
			partyKey: clause.partyId,
			state: clause.state,
			disagreement: clause.disagreement,
			tally: clause.tally,
			measures: measures
				.filter((m) => m.clauseId === clause.id)
				.map(({ text, status, note }) => ({ text, status, note }))
		})),
		versions: listVersions(groupId).map((version) => ({
			number: version.number,
			adoptedOn: version.adoptedOn,
			sessionKey: version.sessionId,
			content: version.content,
			signatures: signatures
				.filter((s) => s.versionId === version.id)
				.map(({ partyId, name, role, signedOn }) => ({ partyKey: partyId, name, role, signedOn }))
		}))
	};
}

const text = (max: number) => v.pipe(v.string(), v.maxLength(max), readable());
const key = v.pipe(v.number(), v.integer());
const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(5000));
const tally = v.nullable(
	v.object({
		n: count,
		tally: v.nullable(v.object({ consent: count, reservation: count, object: count })),
		reasons: v.pipe(v.array(text(300)), v.maxLength(5000))
	})
);
const measure = v.object({ text: text(300), status: v.picklist(measureStatuses), note: text(500) });
const clauseFields = {
	part: v.picklist(pactParts),
	text: v.pipe(text(800), v.nonEmpty()),
	libraryId: v.nullable(v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,80}$/))),
	credit: text(300),
	state: v.picklist(clauseStates),
	disagreement: text(800),
	tally,
	measures: v.pipe(v.array(measure), v.maxLength(100))
};
const party = { name: v.pipe(text(160), v.nonEmpty()), kind: v.picklist(partyKinds) };
const day = v.pipe(v.string(), v.isoDate());

export const pactImport = v.object({
	profile: v.object({ spaceKind: text(60), territory: text(500), publicPage: v.boolean() }),
	parties: v.pipe(v.array(v.object({ key, ...party })), v.maxLength(200)),
	clauses: v.pipe(v.array(v.object({ key, partyKey: v.nullable(key), ...clauseFields })), v.maxLength(500)),
	versions: v.pipe(
		v.array(
			v.object({
				number: v.pipe(key, v.minValue(1)),
				adoptedOn: day,
				sessionKey: v.nullable(key),
				content: v.object({
					spaceKind: text(60),
					territory: text(500),
					parties: v.pipe(v.array(v.object({ id: key, ...party })), v.maxLength(200)),
					clauses: v.pipe(v.array(v.object({ id: key, partyId: v.nullable(key), ...clauseFields })), v.maxLength(500))
				}),
				signatures: v.pipe(
					v.array(v.object({ partyKey: key, name: text(160), role: text(160), signedOn: day })),
					v.maxLength(200)
				)
			})
		),
		v.maxLength(200)
	)
});

export type PactImport = v.InferOutput<typeof pactImport>;

/**
 * Re-creates a pact in a freshly imported group. A clause keeps one id across versions and the
 * draft (so that diffs stay right): the draft's clauses get new ids, and a clause that only old
 * versions hold keeps a negative stand-in that no other clause has.
 */
export function importPact(groupId: number, pact: PactImport, sessionIds: Map<number, number>): void {
	updateGroupProfile(groupId, { spaceKind: pact.profile.spaceKind, territory: pact.profile.territory });
	if (pact.profile.publicPage) setPublicPact(groupId, true, generateToken());
	const parties = new Map(pact.parties.map((p) => [p.key, addParty(groupId, p.name, p.kind)]));
	const clauses = new Map<number, number>();
	for (const clause of pact.clauses) {
		const partyId = clause.partyKey === null ? null : (parties.get(clause.partyKey) ?? null);
		const id = addClause(groupId, { ...clause, partyId });
		saveClause(id, { ...clause, partyId });
		clauses.set(clause.key, id);
		for (const m of clause.measures) followMeasure(groupId, addMeasure(id, m.text), m.status, m.note);
	}
	const partyId = (old: number) => parties.get(old) ?? -Math.abs(old);
	for (const version of [...pact.versions].sort((a, b) => a.number - b.number)) {
		const content: VersionContent = {
			...version.content,
			parties: version.content.parties.map((p) => ({ ...p, id: partyId(p.id) })),
			clauses: version.content.clauses.map((c) => ({
				...c,
				id: clauses.get(c.id) ?? -Math.abs(c.id),
				partyId: c.partyId === null ? null : partyId(c.partyId)
			}))
		};
		const sessionId = version.sessionKey === null ? null : (sessionIds.get(version.sessionKey) ?? null);
		const number = insertVersion(groupId, { adoptedOn: version.adoptedOn, sessionId, content });
		const stored = findVersion(groupId, number)!;
		for (const s of version.signatures) {
			const party = parties.get(s.partyKey);
			if (party)
				saveSignature({ versionId: stored.id, partyId: party, name: s.name, role: s.role, signedOn: s.signedOn });
		}
	}
}
