import type { PageLoad } from './$types';
import { loadBody } from '$lib/framework/bodies';

export const load: PageLoad = async ({ parent }) => {
	const { locale } = await parent();
	return { Body: await loadBody(locale, 'help/scores') };
};
