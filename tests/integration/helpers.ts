import { isActionFailure, isHttpError, isRedirect, type Cookies, type RequestEvent } from '@sveltejs/kit';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, useDatabase, type Db } from '$lib/server/db/connection';
import type { AuthSession } from '$lib/server/db/auth-sessions';
import { createUser, type User } from '$lib/server/db/users';
import { overwriteGetLocale, type Locale } from '$lib/paraglide/runtime';

/** Opens a fresh, migrated database in a temporary file and makes it the app's connection. */
export function useTempDatabase(): { db: Db; path: string; cleanup: () => void } {
	const path = join(tmpdir(), `entre-deux-test-${crypto.randomUUID()}.sqlite`);
	const db = openDatabase(path);
	useDatabase(db);
	return {
		db,
		path,
		cleanup: () => {
			db.close();
			for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
		}
	};
}

/** Makes paraglide's messages speak one language (outside a request it would guess). */
export function useLocale(locale: Locale): void {
	overwriteGetLocale(() => locale);
}

let userCount = 0;

/** A facilitator account whose password does not matter (the hash is not a real one). */
export function makeUser(name = 'Camille'): User {
	userCount += 1;
	return createUser(name, `${name.toLowerCase()}.${userCount}@example.org`, 'not-a-real-hash');
}

type CookieOptions = Parameters<Cookies['set']>[2];

interface CookieEntry {
	value: string;
	options: Partial<CookieOptions>;
}

/** A small in-memory stand-in for SvelteKit's cookies, keeping the options each cookie was set with. */
export class TestCookies implements Cookies {
	readonly jar = new Map<string, CookieEntry>();

	constructor(initial: Record<string, string> = {}) {
		for (const [name, value] of Object.entries(initial)) this.jar.set(name, { value, options: {} });
	}

	get(name: string): string | undefined {
		return this.jar.get(name)?.value;
	}

	getAll(): { name: string; value: string }[] {
		return [...this.jar].map(([name, { value }]) => ({ name, value }));
	}

	set(name: string, value: string, options: CookieOptions): void {
		this.jar.set(name, { value, options });
	}

	delete(name: string, options: CookieOptions): void {
		this.jar.set(name, { value: '', options: { ...options, maxAge: 0 } });
	}

	serialize(name: string, value: string): string {
		return `${name}=${encodeURIComponent(value)}`;
	}

	/** Whether a cookie was deleted (set empty with maxAge 0). */
	deleted(name: string): boolean {
		const entry = this.jar.get(name);
		return entry !== undefined && entry.value === '' && entry.options.maxAge === 0;
	}
}

export type Outcome =
	| { type: 'redirect'; status: number; location: string }
	| { type: 'error'; status: number; message: string }
	| { type: 'failure'; status: number; data: Record<string, unknown> }
	| { type: 'success'; data: Record<string, unknown> | undefined };

export interface ActionCall {
	/** The path the form posts to, e.g. /groups/1/rules?/add. */
	path: string;
	/** The fields, or a ready FormData for files and repeated fields. */
	form?: Record<string, string> | FormData;
	params?: Record<string, string>;
	user?: User | null;
	authSession?: AuthSession | null;
	cookies?: TestCookies;
}

// Any route's action: each is typed with its own params, so take them loosely.
type AnyAction = ((event: never) => unknown) | undefined;

/**
 * Calls a SvelteKit form action directly, as Kit would on a POST: a thrown redirect or error
 * and a returned fail() all come back as an Outcome to assert on.
 */
export async function callAction(action: AnyAction, call: ActionCall): Promise<Outcome> {
	if (!action) throw new Error(`No such action for ${call.path}`);
	const url = new URL(call.path, 'http://localhost');
	const body = call.form instanceof FormData ? call.form : new FormData();
	if (!(call.form instanceof FormData))
		for (const [name, value] of Object.entries(call.form ?? {})) body.append(name, value);
	const event = {
		request: new Request(url, { method: 'POST', body }),
		url,
		params: call.params ?? {},
		locals: { user: call.user ?? null, authSession: call.authSession ?? null },
		cookies: call.cookies ?? new TestCookies(),
		getClientAddress: () => '127.0.0.1',
		platform: undefined,
		route: { id: url.pathname },
		setHeaders: () => {},
		isDataRequest: false,
		isSubRequest: false,
		isRemoteRequest: false,
		fetch: () => Promise.reject(new Error('fetch is not available in action tests'))
	} as unknown as RequestEvent;
	try {
		const result = await (action as (event: RequestEvent) => unknown)(event);
		if (isActionFailure(result)) {
			return { type: 'failure', status: result.status, data: (result.data ?? {}) as Record<string, unknown> };
		}
		return { type: 'success', data: result as Record<string, unknown> | undefined };
	} catch (thrown) {
		if (isRedirect(thrown)) return { type: 'redirect', status: thrown.status, location: thrown.location };
		if (isHttpError(thrown)) return { type: 'error', status: thrown.status, message: thrown.body.message };
		throw thrown;
	}
}
