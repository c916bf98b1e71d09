import type { Component } from 'svelte';

const bodies = import.meta.glob<{ default: Component }>('/content/*/{framework,principles/*,stages/*,help/*}.md');

/** Loads the prose of a content page (framework, principles/ID, stages/ID, help/ID) as a component. */
export async function loadBody(locale: string, page: string): Promise<Component> {
	const load = bodies[`/content/${locale}/${page}.md`];
	if (!load) throw new Error(`No content page ${locale}/${page}`);
	return (await load()).default;
}
