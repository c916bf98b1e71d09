import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireGroup, requireUser } from '$lib/server/auth/guards';
import { listParties } from '$lib/server/db/pact';
import { listSignatures, listVersions, removeSignature, findVersion } from '$lib/server/db/pact-versions';
import { signVersion, versionDiff } from '$lib/server/pact/versions';
import { parseForm, readForm } from '$lib/server/validation/form';
import { signature } from '$lib/server/validation/pact';
import { m } from '$lib/paraglide/messages';
import * as v from 'valibot';

export const load: PageServerLoad = async ({ parent, url }) => {
	const { group } = await parent();
	const versions = listVersions(group.id);
	const signatures = listSignatures(group.id);
	const last = versions.at(-1)?.number ?? 0;
	// The diff asked for in the address, else the last version against the one before.
	const to = Number(url.searchParams.get('to') ?? last) || last;
	const from = Number(url.searchParams.get('from') ?? to - 1) || 0;
	const diff = last > 0 ? versionDiff(group.id, Math.min(from, to), to) : undefined;
	return {
		parties: listParties(group.id),
		versions: versions
			.map((version) => ({
				id: version.id,
				number: version.number,
				adoptedOn: version.adoptedOn,
				clauseCount: version.content.clauses.length,
				signatures: signatures.filter((s) => s.versionId === version.id)
			}))
			.reverse(),
		diff: diff ? { from: Math.min(from, to), to, changes: diff } : null,
		today: new Date().toISOString().slice(0, 10)
	};
};

const unsign = v.object({
	version: v.pipe(v.string(), v.regex(/^\d{1,9}$/), v.transform(Number)),
	partyId: v.pipe(v.string(), v.regex(/^\d{1,15}$/), v.transform(Number))
});

export const actions: Actions = {
	sign: async (event) => {
		const { group } = requireGroup(requireUser(event.locals, event.url), Number(event.params.groupId), 'edit');
		const parsed = parseForm(signature, await readForm(event.request));
		if (!parsed.success) return fail(400, { action: 'sign', message: parsed.message, values: parsed.values });
		const { version, partyId, ...fields } = parsed.data;
		if (!signVersion(group.id, version, partyId, fields))
			return fail(404, { action: 'sign', message: m.pact_error_missing() });
		return { action: 'sign', done: true };
	},
	unsign: async (event) => {
		const { group } = requireGroup(requireUser(event.locals, event.url), Number(event.params.groupId), 'edit');
		const parsed = parseForm(unsign, await readForm(event.request));
		if (!parsed.success) return fail(400, { action: 'unsign', message: parsed.message });
		const version = findVersion(group.id, parsed.data.version);
		if (!version || !removeSignature(version.id, parsed.data.partyId)) {
			return fail(404, { action: 'unsign', message: m.pact_error_missing() });
		}
		return { action: 'unsign', done: true };
	}
};
