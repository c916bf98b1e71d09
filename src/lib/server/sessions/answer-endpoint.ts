import type { Framework } from '$lib/framework/types';
import { saveAnswer, type AnswerRow } from '$lib/server/db/answers';
import { transaction } from '$lib/server/db/connection';
import { getFramework } from '$lib/server/framework';
import { isJoinCode } from '$lib/session/join-code';
import { m } from '$lib/paraglide/messages';
import { baseLocale, extractLocaleFromRequest } from '$lib/paraglide/runtime';
import { lookUpCode } from './code-access';
import { livePlan } from './live-session';
import { acceptingStage, countsChanged, currentParticipant } from './participation';

/**
 * The phone's answers, the busiest request of a session: a room of a thousand sends tens of
 * thousands in a few minutes. `POST /j/CODE/answers` with a JSON body
 * `{ "answers": [{ "level", "principleId", "a", "b", "seq" }] }` (one answer, or every answer a
 * phone queued while offline), where a and b are "0" to "4" or "x" (I can't say), as the form
 * sends them, and seq is the phone's own order of its sends: the newest wins (see saveAnswer).
 *
 * It is answered in the first server hook, before locale negotiation, the session cookie and
 * SvelteKit's page machinery: an answer needs none of them, and each cost more than the answer
 * itself. It does everything the page's answer action does: the same code lookup (counted against
 * guessing), the same participant, the same check that the questionnaire takes input now. The
 * page's form action stays for phones without JavaScript.
 *
 * 200 `{ saved }`: every answer was taken (an older send than the one stored is taken and ignored).
 * Refusals carry `{ message }` in the phone's language: 400 a malformed batch (nothing stored),
 * 403 not joined, 404 unknown code, 409 the questionnaire does not take answers now, 415 not JSON,
 * 429 too many wrong codes.
 */

/** At most the answers of a long questionnaire at once, in a small body. */
export const maxAnswersPerBatch = 100;
const maxBodyBytes = 16 * 1024;
const ratings = new Map<unknown, AnswerRow['a']>([
	['0', 0],
	['1', 1],
	['2', 2],
	['3', 3],
	['4', 4],
	['x', null]
]);
const idPattern = /^[a-z0-9-]{1,60}$/;

const headers = {
	'content-type': 'application/json',
	'cache-control': 'no-store',
	// What the securityHeaders hook adds to every other response.
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'same-origin',
	'x-frame-options': 'DENY',
	'content-security-policy': "default-src 'none'; frame-ancestors 'none'"
};

/** The join code of an answers path, or null for any other path. */
export function answersCode(pathname: string): string | null {
	if (pathname.length !== 17 || !pathname.startsWith('/j/') || !pathname.endsWith('/answers')) return null;
	const code = pathname.slice(3, 9);
	return isJoinCode(code) ? code : null;
}

const principleIds = new WeakMap<Framework, Set<string>>();
function principlesOf(framework: Framework): Set<string> {
	let ids = principleIds.get(framework);
	if (!ids) principleIds.set(framework, (ids = new Set(framework.principles.map((p) => p.id))));
	return ids;
}

/** One cookie's value from a Cookie header, without parsing the others. */
function cookieValue(header: string | null, name: string): string | undefined {
	if (!header) return undefined;
	for (const part of header.split(';')) {
		const eq = part.indexOf('=');
		if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
	}
	return undefined;
}

type Answer = AnswerRow & { seq: number };

/** The batch's answers when every one is well formed, else null. */
function parseBatch(body: unknown): Answer[] | null {
	const list = (body as { answers?: unknown } | null)?.answers;
	if (!Array.isArray(list) || list.length === 0 || list.length > maxAnswersPerBatch) return null;
	const answers: Answer[] = [];
	for (const item of list as Record<string, unknown>[]) {
		if (typeof item !== 'object' || item === null) return null;
		const { level, principleId, seq } = item;
		const a = ratings.get(item.a);
		const b = ratings.get(item.b);
		if (typeof level !== 'string' || !idPattern.test(level)) return null;
		if (typeof principleId !== 'string' || !idPattern.test(principleId)) return null;
		if (a === undefined || b === undefined) return null;
		if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) return null;
		answers.push({ level, principleId, a, b, seq });
	}
	return answers;
}

const reply = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers });

/** Takes a phone's answers; `address` is the client's, for the code lookup's limits. */
export async function takeAnswers(request: Request, code: string, address: string): Promise<Response> {
	// Refusals are rare: only they pay for finding the phone's language.
	const refuse = (status: number, message: (inputs: object, options: { locale: 'fr' | 'en' }) => string) =>
		reply(status, { message: message({}, { locale: extractLocaleFromRequest(request) }) });
	if (!request.headers.get('content-type')?.startsWith('application/json')) {
		return refuse(415, m.error_invalid_form);
	}
	if (Number(request.headers.get('content-length') ?? 0) > maxBodyBytes) return refuse(413, m.error_invalid_form);
	let answers: Answer[] | null;
	try {
		const text = await request.text();
		answers = text.length > maxBodyBytes ? null : parseBatch(JSON.parse(text));
	} catch {
		answers = null;
	}
	if (!answers) return refuse(400, m.error_invalid_form);

	const cookieHeader = request.headers.get('cookie');
	const cookies = { get: (name: string) => cookieValue(cookieHeader, name) };
	const found = lookUpCode(code, address, cookies);
	if (!('session' in found)) {
		return found.refused === 'tooMany' ? refuse(429, m.join_error_too_many) : refuse(404, m.join_error_unknown);
	}
	const { session } = found;
	const participant = currentParticipant(session, cookies);
	if (!participant) return refuse(403, m.participant_error_not_joined);
	// Levels and principles are the same in every language: the base one serves.
	const framework = getFramework(baseLocale);
	const stage = acceptingStage(session, livePlan(session, framework), 'questionnaire');
	if (!stage) return refuse(409, m.participant_error_closed);
	const principles = principlesOf(framework);
	if (answers.some((answer) => !stage.levels.includes(answer.level) || !principles.has(answer.principleId))) {
		return refuse(400, m.error_invalid_form);
	}
	const now = Date.now();
	const save = () => {
		for (const { seq, ...answer } of answers) saveAnswer(participant.id, session.id, answer, now, seq);
	};
	if (answers.length === 1) save();
	else transaction(save);
	countsChanged(session.id, framework);
	return reply(200, { saved: answers.length });
}
