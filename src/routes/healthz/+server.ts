import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { databaseAnswers } from '$lib/server/db/health';

// For a host's health checks (Docker, systemd, a proxy, an uptime monitor): 200 while the
// database answers, 503 otherwise; open to anyone, before /setup too, and says nothing else.
export const GET: RequestHandler = () => {
	const ok = databaseAnswers();
	return json(
		{ status: ok ? 'ok' : 'unavailable' },
		{ status: ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } }
	);
};
