import * as v from 'valibot';
import { clauseChoices, measureStatuses, pactParts, partyKinds, spaceKinds } from '$lib/pact/pact';
import { m } from '$lib/paraglide/messages';
import { optionalText, requiredText } from './form';
import { calendarDay } from './session';

const invalid = () => m.error_invalid_form();
const id = v.pipe(v.string(invalid), v.regex(/^\d{1,15}$/, invalid), v.transform(Number));
/** A party's id, or "" for a clause shared by all parties. */
const optionalPartyId = v.pipe(
	v.optional(v.string(invalid), ''),
	v.regex(/^\d{0,15}$/, invalid),
	v.transform((value) => (value === '' ? null : Number(value)))
);
const clauseText = requiredText(
	800,
	() => m.pact_error_clause_required(),
	() => m.pact_error_clause_too_long()
);

export const profileFields = v.object({
	spaceKind: v.picklist(['', ...spaceKinds], invalid),
	territory: optionalText(500, () => m.pact_error_territory_too_long())
});

export const partyFields = v.object({
	name: requiredText(
		160,
		() => m.pact_error_party_name(),
		() => m.pact_error_party_name()
	),
	kind: v.picklist(partyKinds, invalid)
});
export const partyEdit = v.object({ partyId: id, ...partyFields.entries });
export const partyRef = v.object({ partyId: id });

export const libraryPick = v.object({ libraryId: v.pipe(v.string(invalid), v.regex(/^[a-z0-9-]{1,80}$/, invalid)) });
export const ownClause = v.object({ part: v.picklist(pactParts, invalid), text: clauseText, partyId: optionalPartyId });
export const clauseEdit = v.object({ clauseId: id, text: clauseText, partyId: optionalPartyId });
export const clauseRef = v.object({ clauseId: id });
export const clauseMove = v.object({
	clauseId: id,
	direction: v.pipe(
		v.picklist(['up', 'down'], invalid),
		v.transform((d) => (d === 'up' ? -1 : 1) as -1 | 1)
	)
});
export const disagreementNote = v.object({
	clauseId: id,
	note: requiredText(
		800,
		() => m.pact_error_note_required(),
		() => m.pact_error_note_too_long()
	)
});

export const measureFields = v.object({
	clauseId: id,
	text: requiredText(
		300,
		() => m.pact_error_measure_required(),
		() => m.pact_error_measure_too_long()
	)
});
export const measureFollow = v.object({
	measureId: id,
	status: v.picklist(measureStatuses, invalid),
	note: optionalText(500, () => m.pact_error_measure_note_too_long())
});
export const measureRef = v.object({ measureId: id });

export const adoption = v.object({ adoptedOn: calendarDay });
export const signature = v.object({
	version: id,
	partyId: id,
	name: requiredText(
		160,
		() => m.pact_error_signatory_name(),
		() => m.pact_error_signatory_name()
	),
	role: optionalText(160, () => m.pact_error_signatory_role()),
	signedOn: calendarDay
});
export const publicToggle = v.object({ on: v.picklist(['on', 'off'], invalid) });

export const clauseConsent = v.object({
	clauseId: id,
	choice: v.picklist(clauseChoices, invalid),
	reason: optionalText(300, () => m.pact_error_reason_too_long())
});
