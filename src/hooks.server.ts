import { building } from '$app/environment';
import { redirect, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { authCookieName, clearAuthCookie, setAuthCookie, validateAuthSession } from '$lib/server/auth/auth-session';
import { deleteExpiredAuthSessions } from '$lib/server/db/auth-sessions';
import { db } from '$lib/server/db/connection';
import { hasUsers } from '$lib/server/db/users';
import { loadFrameworks } from '$lib/server/framework';
import { loadPactLibraries } from '$lib/server/pact-library';
import { m } from '$lib/paraglide/messages';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { answerFromNode, answerFromRequest, answersCode, nodeAnswersKey } from '$lib/server/sessions/answer-endpoint';
import { turnstile } from '$lib/server/limits/turnstile';

export const init: ServerInit = () => {
	if (building) return;
	db();
	loadFrameworks();
	loadPactLibraries();
	deleteExpiredAuthSessions(Date.now());
	// For src/cli/start.js, which answers the phones' answers before SvelteKit (answer-endpoint.ts).
	(globalThis as Record<symbol, unknown>)[nodeAnswersKey] = answerFromNode;
};

const i18n: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});

const auth: Handle = ({ event, resolve }) => {
	const token = event.cookies.get(authCookieName);
	const found = token ? validateAuthSession(token) : null;
	if (token && found) setAuthCookie(event.cookies, event.url, token, found.session.expiresAt);
	if (token && !found) clearAuthCookie(event.cookies, event.url);
	event.locals.user = found?.user ?? null;
	event.locals.authSession = found?.session ?? null;
	return resolve(event);
};

let setUp = false;
const openBeforeSetup = ['/setup', '/locale', '/healthz'];

// Until the first facilitator exists, every page leads to /setup.
const firstRun: Handle = ({ event, resolve }) => {
	setUp ||= hasUsers();
	if (!setUp && !openBeforeSetup.includes(event.url.pathname)) throw redirect(303, '/setup');
	return resolve(event);
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	// Kit's csp config covers pages; JSON, CSV and live streams get a policy that allows nothing.
	if (!response.headers.has('Content-Security-Policy') && !response.headers.get('Content-Type')?.includes('html')) {
		response.headers.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
	}
	if (event.url.protocol === 'https:') response.headers.set('Strict-Transport-Security', 'max-age=15552000');
	return response;
};

// A phone's answers are taken first, before the locale and the page machinery they do not need
// (see answer-endpoint.ts), when the server did not take them before SvelteKit already.
const answers: Handle = ({ event, resolve }) => {
	const code = event.request.method === 'POST' ? answersCode(event.url.pathname) : null;
	return code ? answerFromRequest(event.request, code, event.getClientAddress()) : resolve(event);
};

// When the session moves on, every phone in the room reloads its page within a second or two. On
// a machine short of CPU (a venue's laptop running other things), a thousand page loads at once
// would each make the phones' answers, the facilitator's screens and the health check wait behind
// the whole room's. A few at a time go through; the rest wait their turn, in order, at no cost, so
// everything else waits behind a few only (BENCHMARKS.md, stalls). Live streams are not pages.
const phonePageTurns = turnstile(8);
const phonePage = /^\/j\/[^/]+(\/__data\.json)?$/;
const phonePages: Handle = ({ event, resolve }) =>
	event.request.method === 'GET' && phonePage.test(event.url.pathname)
		? phonePageTurns(async () => resolve(event))
		: resolve(event);

export const handle = sequence(answers, phonePages, securityHeaders, i18n, auth, firstRun);

export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status === 404) return { message: m.error_not_found() };
	// Kit's own refusals of a request (a form post that is not form data: 415, a body over the
	// size limit: 413) are the client's mistake, not ours: a plain message, nothing logged.
	if (status >= 400 && status < 500) return { message: m.error_invalid_form() };
	const errorId = crypto.randomUUID().slice(0, 8);
	console.error(`[${errorId}] ${event.request.method} ${event.url.pathname}`, error);
	return { message: m.error_unexpected(), errorId };
};
