import { sql, transaction } from './connection';

export interface GroundRule {
	id: number;
	position: number;
	text: string;
}

/** A group's ground rules in order. */
export function listGroundRules(groupId: number): GroundRule[] {
	return sql('SELECT id, position, text FROM ground_rules WHERE group_id = ? ORDER BY position').all(
		groupId
	) as GroundRule[];
}

/** Appends a ground rule at the end of the list. */
export function addGroundRule(groupId: number, text: string): void {
	sql(
		`INSERT INTO ground_rules (group_id, position, text)
		 VALUES (?, (SELECT COALESCE(MAX(position), 0) + 1 FROM ground_rules WHERE group_id = ?), ?)`
	).run(groupId, groupId, text);
}

/** Rewrites a rule's text; returns false when the rule is not the group's. */
export function updateGroundRule(groupId: number, ruleId: number, text: string): boolean {
	return sql('UPDATE ground_rules SET text = ? WHERE id = ? AND group_id = ?').run(text, ruleId, groupId).changes > 0;
}

/** Swaps a rule with its neighbour above (-1) or below (+1); returns false when there is none. */
export function moveGroundRule(groupId: number, ruleId: number, direction: -1 | 1): boolean {
	return transaction(() => {
		const rules = listGroundRules(groupId);
		const index = rules.findIndex((rule) => rule.id === ruleId);
		const rule = rules[index];
		const neighbour = rules[index + direction];
		if (!rule || !neighbour) return false;
		const setPosition = sql('UPDATE ground_rules SET position = ? WHERE id = ?');
		setPosition.run(neighbour.position, rule.id);
		setPosition.run(rule.position, neighbour.id);
		return true;
	});
}

/** Removes a rule and closes the gap it leaves; returns false when the rule is not the group's. */
export function removeGroundRule(groupId: number, ruleId: number): boolean {
	return transaction(() => {
		const removed = sql('DELETE FROM ground_rules WHERE id = ? AND group_id = ?').run(ruleId, groupId).changes > 0;
		const setPosition = sql('UPDATE ground_rules SET position = ? WHERE id = ?');
		listGroundRules(groupId).forEach((rule, index) => setPosition.run(index + 1, rule.id));
		return removed;
	});
}
