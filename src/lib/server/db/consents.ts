import { sql } from './connection';

export const consentChoices = ['consent', 'object', 'abstain'] as const;
export type ConsentChoice = (typeof consentChoices)[number];

// A phone's choices are keyed by a hash of its token made for consents alone (participation.ts):
// no query can join them to the participant, their answers or their check-in.

/** Saves or replaces one phone's choice on one ground rule. */
export function saveConsent(sessionId: number, voterKey: string, ruleId: number, choice: ConsentChoice): void {
	sql(
		`INSERT INTO consents (session_id, voter_key, rule_id, choice) VALUES (?, ?, ?, ?)
		 ON CONFLICT (session_id, voter_key, rule_id) DO UPDATE SET choice = excluded.choice`
	).run(sessionId, voterKey, ruleId, choice);
}

/** One phone's own choices, by rule id. */
export function ownConsents(sessionId: number, voterKey: string): Record<number, ConsentChoice> {
	const rows = sql('SELECT rule_id AS ruleId, choice FROM consents WHERE session_id = ? AND voter_key = ?').all(
		sessionId,
		voterKey
	) as { ruleId: number; choice: ConsentChoice }[];
	return Object.fromEntries(rows.map((row) => [row.ruleId, row.choice]));
}

/** How many chose what, per rule, in a session. */
export function consentTallies(sessionId: number): { ruleId: number; choice: ConsentChoice; count: number }[] {
	return sql(
		'SELECT rule_id AS ruleId, choice, COUNT(*) AS count FROM consents WHERE session_id = ? GROUP BY rule_id, choice'
	).all(sessionId) as { ruleId: number; choice: ConsentChoice; count: number }[];
}

/** The keys of the phones that chose on one rule: who chose, never what. */
export function ruleVoterKeys(sessionId: number, ruleId: number): string[] {
	return sql('SELECT voter_key FROM consents WHERE session_id = ? AND rule_id = ?')
		.pluck()
		.all(sessionId, ruleId) as string[];
}

/** Keeps who chose on a rule whose tally is being released, until the session settles (rule 5). */
export function recordReleasedRuleVoters(sessionId: number, ruleId: number): void {
	sql(
		`INSERT OR IGNORE INTO released_rule_voters (session_id, rule_id, voter_key)
		 SELECT session_id, rule_id, voter_key FROM consents WHERE session_id = ? AND rule_id = ?`
	).run(sessionId, ruleId);
}

/** Who chose on a rule released in this session, even if the rule was edited or removed since. */
export function releasedRuleVoters(sessionId: number, ruleId: number): Set<string> {
	return new Set(
		sql('SELECT voter_key FROM released_rule_voters WHERE session_id = ? AND rule_id = ?')
			.pluck()
			.all(sessionId, ruleId) as string[]
	);
}

/** How many phones gave at least one choice. */
export function countConsenting(sessionId: number): number {
	return sql('SELECT COUNT(DISTINCT voter_key) FROM consents WHERE session_id = ?').pluck().get(sessionId) as number;
}

/** Forgets a session's choices, and who chose on its released rules, once the session settles. */
export function deleteSessionConsents(sessionId: number): void {
	sql('DELETE FROM consents WHERE session_id = ?').run(sessionId);
	sql('DELETE FROM released_rule_voters WHERE session_id = ?').run(sessionId);
}
