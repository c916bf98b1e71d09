import type { RequestHandler } from './$types';
import { requireGroup, requireUser } from '$lib/server/auth/guards';
import { csvResponse } from '$lib/server/exports/csv';
import { groupHistoryCsv } from '$lib/server/exports/history';
import { getFramework } from '$lib/server/framework';
import { getLocale } from '$lib/paraglide/runtime';

export const GET: RequestHandler = ({ locals, params, url }) => {
	const { group } = requireGroup(requireUser(locals, url), Number(params.groupId));
	return csvResponse(groupHistoryCsv(group.id, getFramework(getLocale())), `entre-deux-history-${group.id}.csv`);
};
