import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { listSignatures, findVersion } from '$lib/server/db/pact-versions';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async ({ parent, params }) => {
	const { group } = await parent();
	const version = findVersion(group.id, Number(params.number));
	if (!version) throw error(404, m.error_not_found());
	return {
		version: {
			number: version.number,
			adoptedOn: version.adoptedOn,
			...version.content,
			signatures: listSignatures(group.id).filter((s) => s.versionId === version.id)
		}
	};
};
