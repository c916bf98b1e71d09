import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { csvResponse } from '$lib/server/exports/csv';
import { sessionAnswersCsv } from '$lib/server/exports/session-answers';
import { sessionForMember } from '$lib/server/sessions/access';
import { m } from '$lib/paraglide/messages';

// For the people who run the group, of a final session only: its distribution is then frozen.
export const GET: RequestHandler = (event) => {
	const { session, framework } = sessionForMember(event, 'edit');
	if (session.status !== 'closed') throw error(409, m.export_distribution_closed());
	return csvResponse(sessionAnswersCsv(session, framework), `entre-deux-answers-${session.id}.csv`);
};
