import { fail, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireGroup, requireUser } from '$lib/server/auth/guards';
import {
	addGroundRule,
	listGroundRules,
	moveGroundRule,
	removeGroundRule,
	updateGroundRule
} from '$lib/server/db/ground-rules';
import { touchLiveSessions } from '$lib/server/sessions/lifecycle';
import { parseForm, readForm } from '$lib/server/validation/form';
import { groundRuleEdit, groundRuleMove, groundRuleRef, groundRuleText } from '$lib/server/validation/group';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async ({ parent }) => {
	const { group } = await parent();
	return { rules: listGroundRules(group.id) };
};

function editableGroup({ locals, params, url }: RequestEvent<{ groupId: string }>) {
	return requireGroup(requireUser(locals, url), Number(params.groupId), 'edit').group;
}

const ruleMissing = () => fail(404, { message: m.error_rule_missing() });

// Each change reaches the screens of the group's live session at once (stage 3 shows the rules).

export const actions: Actions = {
	add: async (event) => {
		const group = editableGroup(event);
		const parsed = parseForm(groundRuleText, await readForm(event.request));
		if (!parsed.success) return fail(400, { action: 'add', message: parsed.message, values: parsed.values });
		addGroundRule(group.id, parsed.data.text);
		touchLiveSessions(group.id);
		return { action: 'add', added: true };
	},
	edit: async (event) => {
		const group = editableGroup(event);
		const parsed = parseForm(groundRuleEdit, await readForm(event.request));
		if (!parsed.success) {
			return fail(400, { action: 'edit', message: parsed.message, ruleId: parsed.values.ruleId });
		}
		if (!updateGroundRule(group.id, parsed.data.ruleId, parsed.data.text)) return ruleMissing();
		touchLiveSessions(group.id);
		return { action: 'edit', saved: true };
	},
	move: async (event) => {
		const group = editableGroup(event);
		const parsed = parseForm(groundRuleMove, await readForm(event.request));
		if (!parsed.success) return fail(400, { message: parsed.message });
		// The first rule moved up (or the last down) stays where it is; only an unknown rule is refused.
		if (!listGroundRules(group.id).some((rule) => rule.id === parsed.data.ruleId)) return ruleMissing();
		moveGroundRule(group.id, parsed.data.ruleId, parsed.data.direction);
		touchLiveSessions(group.id);
	},
	remove: async (event) => {
		const group = editableGroup(event);
		const parsed = parseForm(groundRuleRef, await readForm(event.request));
		if (!parsed.success) return fail(400, { message: parsed.message });
		if (!removeGroundRule(group.id, parsed.data.ruleId)) return ruleMissing();
		touchLiveSessions(group.id);
	}
};
