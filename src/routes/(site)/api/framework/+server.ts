import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getFramework } from '$lib/server/framework';
import { getLocale, isLocale } from '$lib/paraglide/runtime';

export const GET: RequestHandler = ({ url }) => {
	const requested = url.searchParams.get('lang');
	const locale = requested && isLocale(requested) ? requested : getLocale();
	return json(getFramework(locale), { headers: { 'Cache-Control': 'public, max-age=300' } });
};
