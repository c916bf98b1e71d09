import type { ClauseChoice, RoundSummary } from '$lib/pact/pact';
import { sql } from './connection';

export interface Round {
	id: number;
	clauseId: number;
	text: string;
	openedAt: number;
	closedAt: number | null;
	summary: RoundSummary | null;
}

const columns = 'id, clause_id AS clauseId, text, opened_at AS openedAt, closed_at AS closedAt, summary';
type Row = Omit<Round, 'summary'> & { summary: string | null };
const toRound = (row: Row): Round => ({
	...row,
	summary: row.summary ? (JSON.parse(row.summary) as RoundSummary) : null
});

/** Opens a round on a clause's wording; the database refuses a second open round in a session. */
export function openRound(sessionId: number, clauseId: number, text: string, now = Date.now()): number {
	return Number(
		sql('INSERT INTO pact_rounds (session_id, clause_id, text, opened_at) VALUES (?, ?, ?, ?)').run(
			sessionId,
			clauseId,
			text,
			now
		).lastInsertRowid
	);
}

/** The round a session's phones answer now, if any. */
export function openRoundOf(sessionId: number): Round | undefined {
	const row = sql(`SELECT ${columns} FROM pact_rounds WHERE session_id = ? AND closed_at IS NULL`).get(sessionId) as
		Row | undefined;
	return row ? toRound(row) : undefined;
}

/** A session's rounds, oldest first. */
export function sessionRounds(sessionId: number): Round[] {
	return (sql(`SELECT ${columns} FROM pact_rounds WHERE session_id = ? ORDER BY id`).all(sessionId) as Row[]).map(
		toRound
	);
}

/** Closes a round with what was released of it. */
export function closeRound(roundId: number, summary: RoundSummary, now = Date.now()): void {
	sql('UPDATE pact_rounds SET closed_at = ?, summary = ? WHERE id = ?').run(now, JSON.stringify(summary), roundId);
}

/** Saves or replaces one phone's choice in a round. */
export function saveClauseConsent(roundId: number, voterKey: string, choice: ClauseChoice, reason: string): void {
	sql(
		`INSERT INTO pact_consents (round_id, voter_key, choice, reason) VALUES (?, ?, ?, ?)
		 ON CONFLICT (round_id, voter_key) DO UPDATE SET choice = excluded.choice, reason = excluded.reason`
	).run(roundId, voterKey, choice, reason);
}

/** One phone's own choice in a round. */
export function ownClauseConsent(
	roundId: number,
	voterKey: string
): { choice: ClauseChoice; reason: string } | undefined {
	return sql('SELECT choice, reason FROM pact_consents WHERE round_id = ? AND voter_key = ?').get(roundId, voterKey) as
		{ choice: ClauseChoice; reason: string } | undefined;
}

/** Every choice of a round, without who made it, for its release. */
export function roundChoices(roundId: number): { choice: ClauseChoice; reason: string }[] {
	return sql('SELECT choice, reason FROM pact_consents WHERE round_id = ?').all(roundId) as {
		choice: ClauseChoice;
		reason: string;
	}[];
}

/** How many phones chose in a round (the only figure shown while it is open). */
export function countRoundChoices(roundId: number): number {
	return sql('SELECT COUNT(*) FROM pact_consents WHERE round_id = ?').pluck().get(roundId) as number;
}

/** Forgets a round's per-phone choices once its release is frozen. */
export function forgetRoundChoices(roundId: number): void {
	sql('DELETE FROM pact_consents WHERE round_id = ?').run(roundId);
}

/** Forgets the choices of every round of a session (when it settles). */
export function forgetSessionClauseConsents(sessionId: number): void {
	sql('DELETE FROM pact_consents WHERE round_id IN (SELECT id FROM pact_rounds WHERE session_id = ?)').run(sessionId);
}
