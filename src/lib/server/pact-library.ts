import { buildPactLibraries, type PactLibrary } from '$lib/pact/library';
import { baseLocale, locales } from '$lib/paraglide/runtime';

const metadata = import.meta.glob('/content/*/pact/*.md', { eager: true, import: 'metadata' });

let libraries: Map<string, PactLibrary> | undefined;

/** Validates the pact's library of clauses for every locale; throws a PactLibraryError naming the file. */
export function loadPactLibraries(): Map<string, PactLibrary> {
	libraries ??= buildPactLibraries(
		Object.entries(metadata).map(([path, meta]) => ({ path: path.slice(1), metadata: meta })),
		locales
	);
	return libraries;
}

/** The library in a locale, falling back to the base locale. */
export function getPactLibrary(locale: string): PactLibrary {
	const all = loadPactLibraries();
	return (all.get(locale) ?? all.get(baseLocale)) as PactLibrary;
}
