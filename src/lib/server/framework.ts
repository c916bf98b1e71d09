import { buildFrameworks } from '$lib/framework/load';
import type { Framework } from '$lib/framework/types';
import { baseLocale, locales } from '$lib/paraglide/runtime';

const metadata = import.meta.glob('/content/*/{framework,principles/*,stages/*}.md', {
	eager: true,
	import: 'metadata'
});

let frameworks: Map<string, Framework> | undefined;

/** Validates the framework in content/ for every locale; throws a FrameworkError naming the file and field. */
export function loadFrameworks(): Map<string, Framework> {
	frameworks ??= buildFrameworks(
		Object.entries(metadata).map(([path, meta]) => ({ path: path.slice(1), metadata: meta })),
		locales
	);
	return frameworks;
}

/** The framework in a locale, falling back to the base locale. */
export function getFramework(locale: string): Framework {
	const all = loadFrameworks();
	return (all.get(locale) ?? all.get(baseLocale)) as Framework;
}
