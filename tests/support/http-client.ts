// A small HTTP client that behaves like one phone or laptop: it keeps its own cookies, posts
// SvelteKit form actions the way `use:enhance` does (or as a plain form without JavaScript), and
// follows a Server-Sent Events stream. Plain node:http, so thousands of them fit in one process.
import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';

// Idle sockets are dropped after 4 s, before the server's 5 s keep-alive timeout closes them
// under a request, as browsers do.
const agent = new Agent({ keepAlive: true, maxSockets: Infinity, timeout: 4000 });

export interface HttpResponse {
	status: number;
	headers: IncomingHttpHeaders;
	body: string;
	/** The body parsed as JSON (an action's result when enhanced), or undefined. */
	json: unknown;
}

export interface RequestOptions {
	method?: string;
	headers?: Record<string, string>;
	body?: string | Buffer;
	/** Stops waiting after this many milliseconds (the request is aborted). */
	timeoutMs?: number;
}

export interface LiveEvent {
	type: string;
	data: unknown;
}

export interface Stream {
	/** Resolves with the response status once the stream's headers arrive. */
	opened: Promise<number>;
	/** Resolves when the stream ends (server gone or closed). */
	ended: Promise<void>;
	close(): void;
}

/** One browser: a base URL, a cookie jar, and the ways a page talks to the server. */
export class Client {
	readonly cookies = new Map<string, string>();

	constructor(
		readonly baseUrl: string,
		readonly extraHeaders: Record<string, string> = {}
	) {}

	/** Any request; cookies are sent and kept. */
	request(path: string, options: RequestOptions = {}): Promise<HttpResponse> {
		const url = new URL(path, this.baseUrl);
		const headers: Record<string, string> = { origin: this.baseUrl, ...this.extraHeaders, ...options.headers };
		const cookie = this.cookieHeader();
		if (cookie && !headers.cookie) headers.cookie = cookie;
		if (options.body !== undefined) headers['content-length'] = String(Buffer.byteLength(options.body));
		return new Promise((resolve, reject) => {
			const req = httpRequest(url, { method: options.method ?? 'GET', headers, agent }, (res) => {
				this.keep(res.headers['set-cookie']);
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () => {
					const body = Buffer.concat(chunks).toString('utf8');
					let json: unknown;
					try {
						json = JSON.parse(body);
					} catch {
						json = undefined;
					}
					resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json });
				});
				res.on('error', reject);
			});
			req.on('error', reject);
			if (options.timeoutMs) req.setTimeout(options.timeoutMs, () => req.destroy(new Error('timeout')));
			if (options.body !== undefined) req.write(options.body);
			req.end();
		});
	}

	get(path: string, headers: Record<string, string> = {}): Promise<HttpResponse> {
		return this.request(path, { headers });
	}

	/**
	 * Posts a form action. Enhanced (the default) is what `use:enhance` and the answer queue send
	 * and gets Kit's JSON result; plain is a form without JavaScript and gets a redirect or a page.
	 */
	action(
		path: string,
		action: string,
		fields: Record<string, string | string[]> = {},
		{ enhanced = true, headers = {} }: { enhanced?: boolean; headers?: Record<string, string> } = {}
	): Promise<HttpResponse> {
		const body = new URLSearchParams();
		for (const [name, value] of Object.entries(fields)) {
			for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
		}
		const target = action === 'default' ? path : `${path}?/${action}`;
		return this.request(target, {
			method: 'POST',
			body: body.toString(),
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				...(enhanced ? { 'x-sveltekit-action': 'true', accept: 'application/json' } : { accept: 'text/html' }),
				...headers
			}
		});
	}

	/** Opens a Server-Sent Events stream and calls onEvent for each event it carries. */
	stream(path: string, onEvent: (event: LiveEvent) => void): Stream {
		const url = new URL(path, this.baseUrl);
		const headers: Record<string, string> = { accept: 'text/event-stream', ...this.extraHeaders };
		const cookie = this.cookieHeader();
		if (cookie) headers.cookie = cookie;
		let resolveOpened: (status: number) => void = () => {};
		let resolveEnded: () => void = () => {};
		const opened = new Promise<number>((resolve) => (resolveOpened = resolve));
		const ended = new Promise<void>((resolve) => (resolveEnded = resolve));
		// A stream holds its socket for as long as it lives: no keep-alive pool.
		const req = httpRequest(url, { headers, agent: false }, (res) => {
			resolveOpened(res.statusCode ?? 0);
			res.setEncoding('utf8');
			let buffer = '';
			res.on('data', (chunk: string) => {
				buffer += chunk;
				let end: number;
				while ((end = buffer.indexOf('\n\n')) !== -1) {
					const block = buffer.slice(0, end);
					buffer = buffer.slice(end + 2);
					const type = /^event: (.*)$/m.exec(block)?.[1];
					const data = /^data: (.*)$/m.exec(block)?.[1];
					if (type && data !== undefined) onEvent({ type, data: JSON.parse(data) });
				}
			});
			res.on('end', resolveEnded);
			res.on('close', resolveEnded);
			res.on('error', resolveEnded);
		});
		req.on('error', () => {
			resolveOpened(0);
			resolveEnded();
		});
		req.end();
		return { opened, ended, close: () => req.destroy() };
	}

	private cookieHeader(): string {
		return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
	}

	private keep(setCookie: string[] | undefined): void {
		for (const line of setCookie ?? []) {
			const pair = line.split(';')[0] ?? '';
			const index = pair.indexOf('=');
			const name = pair.slice(0, index).trim();
			const value = pair.slice(index + 1).trim();
			if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name);
			else this.cookies.set(name, value);
		}
	}
}

/** The parsed result of an enhanced action: Kit answers { type, status, data | error }. */
export function actionResult(response: HttpResponse): { type: string; status?: number; location?: string } {
	return (response.json as { type: string; status?: number; location?: string } | undefined) ?? { type: 'none' };
}
