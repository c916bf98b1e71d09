import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getFramework } from '$lib/server/framework';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

export const load: PageServerLoad = ({ params }) => {
	const framework = getFramework(getLocale());
	const stage = framework.stages.find((s) => s.id === params.stageId);
	if (!stage) throw error(404, m.error_not_found());
	const levels = framework.levels.filter((level) => stage.levels.includes(level.id));
	return { stage, levels, locale: framework.locale, count: framework.stages.length };
};
