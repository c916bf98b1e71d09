import type { PageServerLoad } from './$types';
import { getFramework } from '$lib/server/framework';
import { getLocale } from '$lib/paraglide/runtime';

export const load: PageServerLoad = () => {
	const framework = getFramework(getLocale());
	return {
		locale: framework.locale,
		stages: framework.stages.map(({ id, title, duration, formats, shortened }) => ({
			id,
			title,
			duration,
			formats,
			shortened
		}))
	};
};
