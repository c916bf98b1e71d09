import type { RequestHandler } from './$types';
import { csvResponse } from '$lib/server/exports/csv';
import { sessionAnswersCsv } from '$lib/server/exports/session-answers';
import { sessionForMember } from '$lib/server/sessions/access';

export const GET: RequestHandler = (event) => {
	const { session, framework } = sessionForMember(event, 'read');
	return csvResponse(sessionAnswersCsv(session, framework), `entre-deux-answers-${session.id}.csv`);
};
