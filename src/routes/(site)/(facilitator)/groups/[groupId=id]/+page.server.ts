import type { PageServerLoad } from './$types';
import { listGroundRules } from '$lib/server/db/ground-rules';
import { listMembers } from '$lib/server/db/groups';

export const load: PageServerLoad = async ({ parent }) => {
	const { group } = await parent();
	return { rules: listGroundRules(group.id), memberCount: listMembers(group.id).length };
};
