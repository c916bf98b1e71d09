import type { RequestHandler } from './$types';
import { requireGroup, requireUser } from '$lib/server/auth/guards';
import { exportGroup } from '$lib/server/exports/group-json';

export const GET: RequestHandler = ({ locals, params, url }) => {
	const { group } = requireGroup(requireUser(locals, url), Number(params.groupId), 'edit');
	return new Response(JSON.stringify(exportGroup(group.id), null, 2), {
		headers: {
			'Content-Type': 'application/json; charset=utf-8',
			'Content-Disposition': `attachment; filename="entre-deux-group-${group.id}.json"`,
			'Cache-Control': 'no-store'
		}
	});
};
