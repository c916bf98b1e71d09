import type { PageServerLoad } from './$types';
import { getFramework } from '$lib/server/framework';
import { getLocale } from '$lib/paraglide/runtime';

export const load: PageServerLoad = () => ({ framework: getFramework(getLocale()) });
