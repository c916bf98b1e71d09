// What every refused input must look like: a 4xx (or the designed redirect) with a message the
// user can read in their language, and a database exactly as it was.
import fc from 'fast-check';
import { expect } from 'vitest';
import { db } from '$lib/server/db/connection';
import type { Locale } from '$lib/paraglide/runtime';
import en from '../../messages/en.json';
import fr from '../../messages/fr.json';
import { catalogueTexts } from '../support/catalogue';
import { useLocale, type Outcome } from './helpers';

/** Every row of every table, as sorted JSON lines, to compare before and after. */
export type Dump = Record<string, string[]>;

/** Columns allowed to change, by table: each exclusion says why where it is given. */
export type Exclusions = Record<string, string[] | 'all'>;

/** Reads every table of the app's database. */
export function dumpDatabase(exclude: Exclusions = {}): Dump {
	const tables = db()
		.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
		.pluck()
		.all() as string[];
	const dump: Dump = {};
	for (const table of tables) {
		const skipped = exclude[table];
		if (skipped === 'all') continue;
		const rows = db().prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[];
		dump[table] = rows
			.map((row) => JSON.stringify(Object.entries(row).filter(([column]) => !skipped?.includes(column))))
			.sort();
	}
	return dump;
}

const catalogues: Record<Locale, Record<string, string>> = { fr: catalogueTexts(fr), en: catalogueTexts(en) };

function pattern(text: string): RegExp {
	const parts = text.split(/\{\w+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
	return new RegExp(`^${parts.join('.+')}$`, 's');
}

const patterns = Object.fromEntries(
	Object.entries(catalogues).map(([locale, messages]) => [
		locale,
		Object.entries(messages)
			.filter(([key]) => key !== '$schema')
			.map(([, text]) => pattern(text))
	])
) as Record<Locale, RegExp[]>;

/** Whether a text is one of the app's messages in this language (placeholders filled in). */
export function isMessageIn(locale: Locale, text: unknown): boolean {
	return typeof text === 'string' && text.length > 0 && patterns[locale].some((re) => re.test(text));
}

/** The message an outcome carries for the user: an error's, or a failure's. */
export function messageOf(outcome: Outcome): unknown {
	if (outcome.type === 'error') return outcome.message;
	if (outcome.type === 'failure') return outcome.data.message ?? outcome.data.commitmentMessage;
	return undefined;
}

export interface Refusal {
	locale: Locale;
	before: Dump;
	exclude?: Exclusions;
	/** A redirect this case may answer with instead of a 4xx (sign in first, say). */
	redirectTo?: RegExp;
}

/** Asserts the outcome is a 4xx with a message in the user's language, and nothing was written. */
export function expectRefused(outcome: Outcome, { locale, before, exclude, redirectTo }: Refusal): void {
	if (outcome.type === 'redirect' && redirectTo) {
		expect(outcome.location).toMatch(redirectTo);
	} else {
		expect(outcome.type, JSON.stringify(outcome).slice(0, 300)).toMatch(/^(failure|error)$/);
		const status = (outcome as { status: number }).status;
		expect(status).toBeGreaterThanOrEqual(400);
		expect(status).toBeLessThan(500);
		const message = messageOf(outcome);
		expect(isMessageIn(locale, message), `not a ${locale} message: ${String(message)}`).toBe(true);
	}
	expect(dumpDatabase(exclude)).toEqual(before);
}

/** One bad call: what to set up first (outside the comparison), and the call itself. */
export interface Case {
	label: string;
	prepare?: () => void;
	act: () => Promise<Outcome>;
	redirectTo?: RegExp;
	exclude?: Exclusions;
}

/** Runs bad calls drawn from `cases` in French and English; each must be refused, writing nothing. */
export async function refuseAll(cases: fc.Arbitrary<Case>, numRuns = 40): Promise<void> {
	await fc.assert(
		fc.asyncProperty(fc.constantFrom<Locale>('fr', 'en'), cases, async (locale, bad) => {
			useLocale(locale);
			bad.prepare?.();
			const before = dumpDatabase(bad.exclude);
			const outcome = await bad.act();
			expectRefused(outcome, { locale, before, exclude: bad.exclude, redirectTo: bad.redirectTo });
		}),
		{ numRuns }
	);
}
