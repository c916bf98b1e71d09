import { sql } from './connection';

export const consentChoices = ['consent', 'object', 'abstain'] as const;
export type ConsentChoice = (typeof consentChoices)[number];

/** Saves or replaces a participant's choice on one ground rule. */
export function saveConsent(participantId: number, sessionId: number, ruleId: number, choice: ConsentChoice): void {
	sql(
		`INSERT INTO consents (participant_id, session_id, rule_id, choice) VALUES (?, ?, ?, ?)
		 ON CONFLICT (participant_id, rule_id) DO UPDATE SET choice = excluded.choice`
	).run(participantId, sessionId, ruleId, choice);
}

/** A participant's own choices, by rule id. */
export function participantConsents(participantId: number): Record<number, ConsentChoice> {
	const rows = sql('SELECT rule_id AS ruleId, choice FROM consents WHERE participant_id = ?').all(participantId) as {
		ruleId: number;
		choice: ConsentChoice;
	}[];
	return Object.fromEntries(rows.map((row) => [row.ruleId, row.choice]));
}

/** How many chose what, per rule, in a session. */
export function consentTallies(sessionId: number): { ruleId: number; choice: ConsentChoice; count: number }[] {
	return sql(
		'SELECT rule_id AS ruleId, choice, COUNT(*) AS count FROM consents WHERE session_id = ? GROUP BY rule_id, choice'
	).all(sessionId) as { ruleId: number; choice: ConsentChoice; count: number }[];
}

/** How many participants gave at least one choice. */
export function countConsenting(sessionId: number): number {
	return sql('SELECT COUNT(DISTINCT participant_id) FROM consents WHERE session_id = ?')
		.pluck()
		.get(sessionId) as number;
}

/** A session's consent choices with an opaque participant key, for exports only. */
export function consentsForExport(
	sessionId: number
): { participantId: number; ruleId: number; choice: ConsentChoice }[] {
	return sql(
		'SELECT participant_id AS participantId, rule_id AS ruleId, choice FROM consents WHERE session_id = ?'
	).all(sessionId) as { participantId: number; ruleId: number; choice: ConsentChoice }[];
}
