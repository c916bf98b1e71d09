import type { PageServerLoad } from './$types';
import { listOpenCommitments } from '$lib/server/db/commitments';
import { listGroundRules } from '$lib/server/db/ground-rules';
import { listMembers } from '$lib/server/db/groups';
import { getFramework } from '$lib/server/framework';
import { finalizeSettledSessions } from '$lib/server/sessions/lifecycle';
import { publishedHistory } from '$lib/server/sessions/results';
import { pactTimeline } from '$lib/server/pact/versions';
import { getLocale } from '$lib/paraglide/runtime';

export const load: PageServerLoad = async ({ parent }) => {
	const { group } = await parent();
	finalizeSettledSessions();
	const framework = getFramework(getLocale());
	return {
		rules: listGroundRules(group.id),
		memberCount: listMembers(group.id).length,
		history: publishedHistory(group.id),
		pactVersions: pactTimeline(group.id),
		commitments: listOpenCommitments(group.id),
		levels: framework.levels.map(({ id, label }) => ({ id, label })),
		principles: framework.principles.map(({ id, title }) => ({ id, title }))
	};
};
