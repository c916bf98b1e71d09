import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as m from '$lib/paraglide/messages';
import { baseLocale, locales } from '$lib/paraglide/runtime';

const root = join(import.meta.dirname, '../..');

/** A message with plural forms: one selector over a number, one text per plural category. */
type Plural = [{ declarations: string[]; selectors: [string]; match: Record<string, string> }];
type Message = string | Plural;

function readMessages(locale: string): Record<string, Message> {
	const messages = JSON.parse(readFileSync(join(root, `messages/${locale}.json`), 'utf8'));
	delete messages.$schema;
	return messages;
}

const fr = readMessages('fr');
const en = readMessages('en');
const keys = Object.keys(fr).sort();

/** Every text of a message: itself, or each of its plural forms. */
function texts(message: Message | undefined): string[] {
	if (message === undefined) return [];
	return typeof message === 'string' ? [message] : Object.values(message[0].match);
}

function placeholders(message: Message | undefined): string[] {
	const names = texts(message).flatMap((text) => [...text.matchAll(/\{([^{}]+)\}/g)].map((match) => match[1]!.trim()));
	return [...new Set(names)].sort();
}

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return path === join(root, 'src/lib/paraglide') ? [] : sourceFiles(path);
		return /\.(ts|js|svelte)$/.test(entry.name) ? [path] : [];
	});
}

type Compiled = (inputs?: Record<string, string | number>, options?: { locale?: string }) => string;
const compiled = m as unknown as Record<string, Compiled | undefined>;

/** What a message should read for these inputs: its text, or the plural form the number calls for. */
function expected(message: Message, inputs: Record<string, string | number>, locale: string): string {
	// A plain text in one language may be plural in the other: its count is still filled in.
	if (typeof message === 'string') return message.replace(/\{(\w+)\}/g, (_, name: string) => String(inputs[name]));
	const { declarations, selectors, match } = message[0];
	const input = declarations[0]!.replace('input ', '');
	const category = new Intl.PluralRules(locale).select(Number(inputs[input]));
	const text = match[`${selectors[0]}=${category}`] ?? match[`${selectors[0]}=other`]!;
	return text.replace(`{${input}}`, String(inputs[input]));
}

describe('messages', () => {
	it('are in French (the base locale) and English', () => {
		expect(baseLocale).toBe('fr');
		expect([...locales].sort()).toEqual(['en', 'fr']);
		expect(keys.length).toBeGreaterThan(50);
	});

	it('have exactly the same keys in fr.json and en.json', () => {
		expect(Object.keys(en).sort()).toEqual(keys);
	});

	it('have no empty text', () => {
		for (const [locale, messages] of [
			['fr', fr],
			['en', en]
		] as const) {
			for (const [key, message] of Object.entries(messages)) {
				const all = texts(message);
				expect(
					all.length > 0 && all.every((text) => typeof text === 'string' && text.trim() !== ''),
					`${locale}: ${key}`
				).toBe(true);
			}
		}
	});

	it('have the same {placeholders} in both languages', () => {
		for (const key of keys) {
			expect(placeholders(en[key]), key).toEqual(placeholders(fr[key]));
		}
	});

	it('are all compiled by paraglide', () => {
		const missing = keys.filter((key) => typeof compiled[key] !== 'function');
		expect(missing).toEqual([]);
	});

	it('compile to the text of the JSON files in each language', () => {
		for (const key of keys) {
			const message = compiled[key]!;
			for (const count of [1, 5]) {
				const inputs: Record<string, string | number> = Object.fromEntries(
					placeholders(fr[key]).map((name) => [name, `{${name}}`])
				);
				const plural = [fr[key], en[key]].find((one) => typeof one !== 'string') as Plural | undefined;
				if (plural) inputs[plural[0].declarations[0]!.replace('input ', '')] = count;
				expect(message(inputs, { locale: 'fr' }), `fr: ${key}`).toBe(expected(fr[key]!, inputs, 'fr'));
				expect(message(inputs, { locale: 'en' }), `en: ${key}`).toBe(expected(en[key]!, inputs, 'en'));
			}
		}
	});

	it('choose the singular or the plural form by the count, as each language does', () => {
		const joined = compiled.control_joined!;
		expect(joined({ count: 1 } as never, { locale: 'fr' })).toBe('1 personne connectée');
		expect(joined({ count: 0 } as never, { locale: 'fr' })).toBe('0 personne connectée');
		expect(joined({ count: 5 } as never, { locale: 'fr' })).toBe('5 personnes connectées');
		const participation = compiled.report_participation!;
		expect(participation({ joined: 1, respondents: 1 } as never, { locale: 'en' })).toMatch(/^1 person joined/);
		expect(participation({ joined: 12, respondents: 9 } as never, { locale: 'en' })).toMatch(/^12 people joined/);
	});

	it('never leave a "(s)" plural to the reader', () => {
		for (const [locale, messages] of [
			['fr', fr],
			['en', en]
		] as const) {
			for (const [key, message] of Object.entries(messages)) {
				for (const text of texts(message)) expect(text, `${locale}: ${key}`).not.toMatch(/\((s|e|es|x)\)/);
			}
		}
	});

	it('include every message the code uses', () => {
		const used = new Map<string, string>();
		for (const file of sourceFiles(join(root, 'src'))) {
			const text = readFileSync(file, 'utf8');
			// Only where m is paraglide's (SQL aliases such as m.role are not messages).
			if (!/import \{ m \} from '\$lib\/paraglide\/messages'/.test(text)) continue;
			for (const match of text.matchAll(/(?<![\w$.])m\.([a-z][a-z0-9_]*)\b/g)) {
				used.set(match[1]!, relative(root, file));
			}
		}
		expect(used.size).toBeGreaterThan(50);
		const missing = [...used].filter(([key]) => !(key in fr) || !(key in en)).map(([key, file]) => `${key} (${file})`);
		expect(missing).toEqual([]);
	});
});
