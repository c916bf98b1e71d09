import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { sessionForMember } from '$lib/server/sessions/access';
import { touchSession } from '$lib/server/sessions/lifecycle';
import { closeOpenRound, putClauseToRoom } from '$lib/server/pact/rounds';
import { sessionPactView } from '$lib/server/pact/session-view';
import { parseForm, readForm } from '$lib/server/validation/form';
import { clauseRef, measureFollow } from '$lib/server/validation/pact';
import { followMeasure } from '$lib/server/db/pact';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = (event) => {
	const { session, group } = sessionForMember(event, 'read');
	return {
		session: { id: session.id, title: session.title, status: session.status },
		pact: sessionPactView(session, group)
	};
};

type Event = RequestEvent<{ groupId: string; sessionId: string }>;
const control = (event: Event) => `/groups/${event.params.groupId}/sessions/${event.params.sessionId}`;

const refusals = {
	missing: () => fail(404, { message: m.pact_error_missing() }),
	decided: () => fail(409, { message: m.pact_error_decided() }),
	busy: () => fail(409, { message: m.pact_error_busy() }),
	'not-live': () => fail(409, { message: m.session_error_status() })
};

export const actions: Actions = {
	// The server decides which wording goes to the phones, one at a time (server/pact/rounds.ts).
	put: async (event) => {
		const { session } = sessionForMember(event, 'edit');
		const parsed = parseForm(clauseRef, await readForm(event.request));
		if (!parsed.success) return fail(400, { message: parsed.message });
		const refusal = putClauseToRoom(session, parsed.data.clauseId);
		if (refusal) return refusals[refusal]();
		touchSession(session);
		throw redirect(303, control(event));
	},
	// The quarterly review at stage 3: a measure followed from the control view, which the
	// projector then shows (the session's state moves).
	followMeasure: async (event) => {
		const { session } = sessionForMember(event, 'edit');
		const parsed = parseForm(measureFollow, await readForm(event.request));
		if (!parsed.success) return fail(400, { message: parsed.message });
		const { measureId, status, note } = parsed.data;
		if (!followMeasure(session.groupId, measureId, status, note)) return fail(404, { message: m.pact_error_missing() });
		touchSession(session);
		throw redirect(303, control(event));
	},
	close: (event) => {
		const { session, group } = sessionForMember(event, 'edit');
		if (!closeOpenRound(session, group.anonymityThreshold)) return fail(409, { message: m.pact_error_no_round() });
		touchSession(session);
		throw redirect(303, control(event));
	}
};
