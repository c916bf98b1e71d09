import type { PageLoad } from './$types';
import { loadBody } from '$lib/framework/bodies';

export const load: PageLoad = async ({ data }) => ({ ...data, Body: await loadBody(data.locale, 'help/prepare') });
