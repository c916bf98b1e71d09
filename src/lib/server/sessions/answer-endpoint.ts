import type { IncomingMessage, ServerResponse } from 'node:http';
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
 * Served by `npm start` (src/cli/start.js), it is answered straight from Node's request, before
 * SvelteKit (answerFromNode, which the server hooks' init hands to start.js); under any other
 * server (vite dev, preview) in the first server hook (answerFromRequest). Either way before
 * locale negotiation, the login cookie and the page machinery: an answer needs none of them, and
 * together they cost several times what the answer itself does (BENCHMARKS.md). It does
 * everything the page's answer action does: the same code lookup (counted against guessing), the
 * same participant, the same check that the questionnaire takes input now. The page's form action
 * stays for phones without JavaScript.
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
function cookieValue(header: string | null | undefined, name: string): string | undefined {
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

/** A post to the answers endpoint, whichever server received it. */
interface AnswersPost {
	code: string;
	contentType: string | undefined | null;
	cookie: string | undefined | null;
	address: string;
	/** The body, or null when it is over the limit. */
	body(): Promise<string | null>;
	/** The phone's language, for a refusal's message. */
	locale(): Locale;
	/** Whether the phone gave up waiting (closed the connection): then nothing is done. */
	abandoned?(): boolean;
}

type Locale = ReturnType<typeof extractLocaleFromRequest>;
type Reply = { status: number; body: string };
const reply = (status: number, body: unknown): Reply => ({ status, body: JSON.stringify(body) });

async function takeAnswers(post: AnswersPost): Promise<Reply> {
	// Refusals are rare: only they pay for finding the phone's language.
	const refuse = (status: number, message: (inputs: object, options: { locale: Locale }) => string) =>
		reply(status, { message: message({}, { locale: post.locale() }) });
	if (!post.contentType?.startsWith('application/json')) return refuse(415, m.error_invalid_form);
	const text = await post.body();
	if (text === null) return refuse(413, m.error_invalid_form);
	let answers: Answer[] | null;
	try {
		answers = parseBatch(JSON.parse(text));
	} catch {
		answers = null;
	}
	if (!answers) return refuse(400, m.error_invalid_form);
	// An overloaded server works through a queue of requests; one whose phone stopped waiting (it
	// sends the same answers again) is not worth the work any more: that work is what keeps the
	// queue long (BENCHMARKS.md, stalls).
	if (post.abandoned?.()) return reply(499, {});

	const cookies = { get: (name: string) => cookieValue(post.cookie, name) };
	const found = lookUpCode(post.code, post.address, cookies);
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

const withLength = (body: string) => ({ ...headers, 'content-length': String(Buffer.byteLength(body)) });

/** The endpoint in a server hook: `address` is the client's (event.getClientAddress()). */
export async function answerFromRequest(request: Request, code: string, address: string): Promise<Response> {
	const { status, body } = await takeAnswers({
		code,
		contentType: request.headers.get('content-type'),
		cookie: request.headers.get('cookie'),
		address,
		body: async () => {
			if (Number(request.headers.get('content-length') ?? 0) > maxBodyBytes) return null;
			const text = await request.text();
			return text.length > maxBodyBytes ? null : text;
		},
		locale: () => extractLocaleFromRequest(request)
	});
	return new Response(body, { status, headers: withLength(body) });
}

/**
 * The client's address as adapter-node gives it (ADDRESS_HEADER, XFF_DEPTH), or undefined when
 * the configured header is missing: SvelteKit then handles the request, and refuses it as before.
 */
function nodeAddress(req: IncomingMessage): string | undefined {
	const header = (process.env.ADDRESS_HEADER ?? '').toLowerCase();
	if (!header) return req.socket.remoteAddress;
	const value = req.headers[header];
	if (typeof value !== 'string') return undefined;
	if (header !== 'x-forwarded-for') return value;
	const addresses = value.split(',');
	const depth = parseInt(process.env.XFF_DEPTH ?? '1');
	return depth >= 1 && depth <= addresses.length ? addresses[addresses.length - depth]!.trim() : undefined;
}

/**
 * The endpoint on Node's own request, before SvelteKit sees it (src/cli/start.js). Gives false,
 * having done nothing, for any other request: SvelteKit's handler takes it.
 */
export function answerFromNode(req: IncomingMessage, res: ServerResponse): boolean {
	const code = req.method === 'POST' && req.url ? answersCode(req.url) : null;
	const address = code ? nodeAddress(req) : undefined;
	if (!code || address === undefined) return false;
	const body = () =>
		new Promise<string | null>((resolve, reject) => {
			if (Number(req.headers['content-length'] ?? 0) > maxBodyBytes) return resolve(null);
			const chunks: Buffer[] = [];
			let size = 0;
			req.on('data', (chunk: Buffer) => {
				size += chunk.length;
				if (size <= maxBodyBytes) chunks.push(chunk);
			});
			req.on('end', () => resolve(size > maxBodyBytes ? null : Buffer.concat(chunks).toString('utf8')));
			req.on('error', reject);
		});
	const locale = () => {
		const headers = new Headers();
		for (const name of ['cookie', 'accept-language']) {
			const value = req.headers[name];
			if (typeof value === 'string') headers.set(name, value);
		}
		return extractLocaleFromRequest(new Request('http://localhost/', { headers }));
	};
	takeAnswers({
		code,
		contentType: req.headers['content-type'],
		cookie: req.headers.cookie,
		address,
		body,
		locale,
		abandoned: () => req.socket.destroyed
	}).then(
		({ status, body }) => (req.socket.destroyed ? undefined : res.writeHead(status, withLength(body)).end(body)),
		(error: unknown) => {
			console.error(`[answers] ${req.method} ${req.url}`, error);
			if (!res.headersSent) res.writeHead(500, headers);
			res.end();
		}
	);
	return true;
}

/** Where the server hooks' init leaves answerFromNode for src/cli/start.js to find. */
export const nodeAnswersKey = Symbol.for('entre-deux.answers');
