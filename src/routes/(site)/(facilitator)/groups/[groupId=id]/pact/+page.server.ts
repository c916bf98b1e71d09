import { fail, type RequestEvent } from '@sveltejs/kit';
import type * as v from 'valibot';
import type { Actions, PageServerLoad } from './$types';
import { adoptionBlocker } from '$lib/pact/pact';
import { requireGroup, requireUser } from '$lib/server/auth/guards';
import {
	addMeasure,
	addParty,
	findClause,
	followMeasure,
	groupProfile,
	listClauses,
	listMeasures,
	listParties,
	moveClause,
	removeClause,
	removeMeasure,
	removeParty,
	updateGroupProfile,
	updateParty
} from '$lib/server/db/pact';
import { listVersions } from '$lib/server/db/pact-versions';
import { getPactLibrary } from '$lib/server/pact-library';
import { addOwnClause, editClause, pickLibraryClause, recordDisagreement } from '$lib/server/pact/draft';
import { setPublicPage } from '$lib/server/pact/public';
import { adoptDraft, changesSinceLastVersion } from '$lib/server/pact/versions';
import { touchLiveSessions } from '$lib/server/sessions/lifecycle';
import { parseForm, readForm } from '$lib/server/validation/form';
import * as schemas from '$lib/server/validation/pact';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

export const load: PageServerLoad = async ({ parent, url }) => {
	const { group } = await parent();
	const clauses = listClauses(group.id);
	const profile = groupProfile(group.id);
	return {
		profile,
		publicUrl: profile.publicSlug ? `${url.origin}/pact/${profile.publicSlug}` : null,
		parties: listParties(group.id),
		clauses,
		measures: listMeasures(group.id),
		library: getPactLibrary(getLocale()),
		versions: listVersions(group.id).map(({ number, adoptedOn }) => ({ number, adoptedOn })),
		changes: changesSinceLastVersion(group.id),
		blocker: adoptionBlocker(clauses),
		today: new Date().toISOString().slice(0, 10)
	};
};

type Event = RequestEvent<{ groupId: string }>;

/**
 * One pact action: the member must be allowed to edit the group, the form must parse; `act` returns
 * false when what it names is not the group's, which answers 404 and changes nothing. A change
 * reaches the screens of the group's live session at once (stage 3 shows the pact).
 */
function pactAction<S extends v.GenericSchema>(
	name: string,
	schema: S,
	act: (groupId: number, data: v.InferOutput<S>) => boolean | string | void
) {
	return async (event: Event) => {
		const { group } = requireGroup(requireUser(event.locals, event.url), Number(event.params.groupId), 'edit');
		const parsed = parseForm(schema, await readForm(event.request));
		if (!parsed.success) return fail(400, { action: name, message: parsed.message, values: parsed.values });
		const outcome = act(group.id, parsed.data);
		if (outcome === false) return fail(404, { action: name, message: m.pact_error_missing() });
		if (typeof outcome === 'string') return fail(409, { action: name, message: outcome });
		touchLiveSessions(group.id);
		return { action: name, done: true };
	};
}

const ownParty = (groupId: number, partyId: number | null) =>
	partyId === null || listParties(groupId).some((p) => p.id === partyId);

export const actions: Actions = {
	profile: pactAction('profile', schemas.profileFields, (groupId, data) => updateGroupProfile(groupId, data)),
	addParty: pactAction('addParty', schemas.partyFields, (groupId, { name, kind }) => {
		addParty(groupId, name, kind);
	}),
	editParty: pactAction('editParty', schemas.partyEdit, (groupId, { partyId, name, kind }) =>
		updateParty(groupId, partyId, name, kind)
	),
	removeParty: pactAction('removeParty', schemas.partyRef, (groupId, { partyId }) => removeParty(groupId, partyId)),
	pick: pactAction(
		'pick',
		schemas.libraryPick,
		(groupId, { libraryId }) => pickLibraryClause(groupId, getPactLibrary(getLocale()), libraryId) !== undefined
	),
	add: pactAction('add', schemas.ownClause, (groupId, { part, text, partyId }) => {
		if (!ownParty(groupId, partyId)) return false;
		addOwnClause(groupId, part, text, part === 'commitments' ? partyId : null);
	}),
	edit: pactAction('edit', schemas.clauseEdit, (groupId, { clauseId, text, partyId }) =>
		ownParty(groupId, partyId) ? editClause(groupId, clauseId, text, partyId) : false
	),
	// The first clause moved up (or the last down) stays where it is; only an unknown clause is refused.
	move: pactAction('move', schemas.clauseMove, (groupId, { clauseId, direction }) => {
		if (!findClause(groupId, clauseId)) return false;
		moveClause(groupId, clauseId, direction);
	}),
	remove: pactAction('remove', schemas.clauseRef, (groupId, { clauseId }) => removeClause(groupId, clauseId)),
	disagreement: pactAction('disagreement', schemas.disagreementNote, (groupId, { clauseId, note }) => {
		if (!findClause(groupId, clauseId)) return false;
		return recordDisagreement(groupId, clauseId, note) || m.pact_error_not_objected();
	}),
	addMeasure: pactAction('addMeasure', schemas.measureFields, (groupId, { clauseId, text }) => {
		if (findClause(groupId, clauseId)?.part !== 'commitments') return false;
		addMeasure(clauseId, text);
	}),
	followMeasure: pactAction('followMeasure', schemas.measureFollow, (groupId, { measureId, status, note }) =>
		followMeasure(groupId, measureId, status, note)
	),
	removeMeasure: pactAction('removeMeasure', schemas.measureRef, (groupId, { measureId }) =>
		removeMeasure(groupId, measureId)
	),
	adopt: pactAction('adopt', schemas.adoption, (groupId, { adoptedOn }) => {
		const outcome = adoptDraft(groupId, adoptedOn, null);
		if ('refusal' in outcome) {
			return outcome.refusal === 'empty'
				? m.pact_error_empty()
				: outcome.refusal === 'unchanged'
					? m.pact_error_unchanged()
					: m.pact_error_undecided();
		}
	}),
	publish: pactAction('publish', schemas.publicToggle, (groupId, { on }) => setPublicPage(groupId, on === 'on'))
};
