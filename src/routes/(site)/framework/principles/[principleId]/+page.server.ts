import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getFramework } from '$lib/server/framework';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

export const load: PageServerLoad = ({ params }) => {
	const framework = getFramework(getLocale());
	const principle = framework.principles.find((p) => p.id === params.principleId);
	if (!principle) throw error(404, m.error_not_found());
	return { principle, levels: framework.levels, locale: framework.locale, count: framework.principles.length };
};
