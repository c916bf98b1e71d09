import * as v from 'valibot';
import { frenchTypographyDeep } from '$lib/framework/french-typography.js';
import { pactParts, type PactPart } from './pact';

// The library of clauses is content (content/{locale}/pact/{part}.md), validated at start-up like
// the framework: each clause credited to the source that inspired it, or marked as the project's own.

export interface LibraryClause {
	id: string;
	text: string;
	/** The source that inspired the clause; empty when it is Entre-deux's own. */
	credit: string;
}

export interface LibraryPart {
	part: PactPart;
	title: string;
	intro: string;
	clauses: LibraryClause[];
}

export type PactLibrary = LibraryPart[];

/** A library problem, naming the file and the field. */
export class PactLibraryError extends Error {
	constructor(file: string, field: string, detail: string) {
		super(`${file}: ${field}: ${detail}`);
		this.name = 'PactLibraryError';
	}
}

const clauseSchema = v.pipe(
	v.object({
		id: v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case')),
		text: v.pipe(v.string(), v.trim(), v.minLength(10), v.maxLength(800)),
		source: v.optional(v.pipe(v.string(), v.trim(), v.minLength(3), v.maxLength(300))),
		own: v.optional(v.literal(true))
	}),
	v.check((c) => Boolean(c.source) !== Boolean(c.own), 'needs either a source or own: true, not both')
);

const partSchema = v.object({
	part: v.picklist(pactParts),
	title: v.pipe(v.string(), v.minLength(2)),
	intro: v.pipe(v.string(), v.minLength(2)),
	clauses: v.pipe(v.array(clauseSchema), v.minLength(1))
});

const pathPattern = /content\/([a-z]{2})\/pact\/([a-z-]+)\.md$/;

/**
 * Builds and validates the library for each locale; throws a PactLibraryError naming the file and
 * field. Every locale has the four parts, and the same clause ids in each, so that a clause picked
 * in French has its English counterpart.
 */
export function buildPactLibraries(files: { path: string; metadata: unknown }[], locales: readonly string[]) {
	const libraries = new Map<string, PactLibrary>();
	for (const locale of locales) {
		const parts: PactLibrary = [];
		for (const part of pactParts) {
			const path = `content/${locale}/pact/${part}.md`;
			const file = files.find((f) => f.path === path && pathPattern.test(f.path));
			if (!file) throw new PactLibraryError(path, 'file', 'missing');
			// French typography is applied as the framework's is: the authors type plain spaces.
			const metadata = locale === 'fr' ? frenchTypographyDeep(file.metadata ?? {}) : (file.metadata ?? {});
			const result = v.safeParse(partSchema, metadata);
			if (!result.success) {
				const issue = result.issues[0];
				throw new PactLibraryError(path, v.getDotPath(issue) ?? '(front matter)', issue.message);
			}
			if (result.output.part !== part) throw new PactLibraryError(path, 'part', `must be ${part}`);
			parts.push({
				part,
				title: result.output.title,
				intro: result.output.intro,
				clauses: result.output.clauses.map((c) => ({ id: c.id, text: c.text, credit: c.source ?? '' }))
			});
		}
		const ids = parts.flatMap((p) => p.clauses.map((c) => c.id));
		const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
		if (duplicate) throw new PactLibraryError(`content/${locale}/pact`, 'id', `${duplicate} used twice`);
		libraries.set(locale, parts);
	}
	const [first, ...others] = [...libraries.entries()];
	for (const [locale, parts] of others) {
		const want = first![1].flatMap((p) => p.clauses.map((c) => c.id)).sort();
		const have = parts.flatMap((p) => p.clauses.map((c) => c.id)).sort();
		const missing = want.find((id) => !have.includes(id)) ?? have.find((id) => !want.includes(id));
		if (missing) throw new PactLibraryError(`content/${locale}/pact`, 'id', `${missing} differs from ${first![0]}`);
	}
	return libraries;
}

/** A clause of the library by id, with its part. */
export function findLibraryClause(library: PactLibrary, id: string): (LibraryClause & { part: PactPart }) | undefined {
	for (const part of library) {
		const clause = part.clauses.find((c) => c.id === id);
		if (clause) return { ...clause, part: part.part };
	}
	return undefined;
}
