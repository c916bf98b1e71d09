import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { publicPact } from '$lib/server/pact/public';
import { m } from '$lib/paraglide/messages';

// Read-only and open to anyone who has the address, while the group keeps its page on.
export const load: PageServerLoad = ({ params, setHeaders }) => {
	const pact = /^[a-z2-7]{16,64}$/.test(params.slug) ? publicPact(params.slug) : undefined;
	if (!pact) throw error(404, m.error_not_found());
	setHeaders({ 'cache-control': 'no-store', 'x-robots-tag': 'noindex' });
	return { pact };
};
