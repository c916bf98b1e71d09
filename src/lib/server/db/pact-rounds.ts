import type { ClauseChoice, RoundSummary } from '$lib/pact/pact';
import type { QuestionKey } from '$lib/pact/wording';
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

/** A released round as rule 5 compares it: which question it asked, under which k, and who chose. */
export interface ReleasedRound extends QuestionKey {
	roundId: number;
	threshold: number;
	voters: Set<string>;
}

/** Records a round just released and who chose in it (not what), for as long as its session runs. */
export function recordReleasedRound(sessionId: number, round: Omit<ReleasedRound, 'voters'>): void {
	sql(
		`INSERT INTO pact_released_rounds (round_id, session_id, clause_id, library_id, wording_key, threshold)
		 VALUES (?, ?, ?, ?, ?, ?)`
	).run(round.roundId, sessionId, round.clauseId, round.libraryId, round.wordingKey, round.threshold);
	sql(
		'INSERT INTO pact_round_voters (round_id, voter_key) SELECT round_id, voter_key FROM pact_consents WHERE round_id = ?'
	).run(round.roundId);
}

/** Who chose in a round still open (its phones' keys). */
export function roundVoterKeys(roundId: number): string[] {
	return sql('SELECT voter_key FROM pact_consents WHERE round_id = ?').pluck().all(roundId) as string[];
}

/** The rounds released so far in a session, with who chose in each. */
export function releasedRounds(sessionId: number): ReleasedRound[] {
	const rounds = sql(
		`SELECT round_id AS roundId, clause_id AS clauseId, library_id AS libraryId, wording_key AS wordingKey, threshold
		 FROM pact_released_rounds WHERE session_id = ?`
	).all(sessionId) as Omit<ReleasedRound, 'voters'>[];
	const voters = sql(
		`SELECT v.round_id AS roundId, v.voter_key AS voterKey FROM pact_round_voters v
		 JOIN pact_released_rounds r ON r.round_id = v.round_id WHERE r.session_id = ?`
	).all(sessionId) as { roundId: number; voterKey: string }[];
	return rounds.map((round) => ({
		...round,
		voters: new Set(voters.filter((v) => v.roundId === round.roundId).map((v) => v.voterKey))
	}));
}

/**
 * Rounds of a session released before who chose was recorded (a session running while the app was
 * upgraded): nothing can be compared with them.
 */
export function unrecordedReleases(sessionId: number): { clauseId: number; text: string }[] {
	return sql(
		`SELECT clause_id AS clauseId, text FROM pact_rounds
		 WHERE session_id = ? AND closed_at IS NOT NULL AND json_extract(summary, '$.tally') IS NOT NULL
		 AND id NOT IN (SELECT round_id FROM pact_released_rounds)`
	).all(sessionId) as { clauseId: number; text: string }[];
}

/** Forgets a session's released rounds and who chose in them, once the session no longer runs. */
export function forgetReleasedRounds(sessionId: number): void {
	sql('DELETE FROM pact_released_rounds WHERE session_id = ?').run(sessionId);
}

/** Forgets a round's per-phone choices once its release is frozen. */
export function forgetRoundChoices(roundId: number): void {
	sql('DELETE FROM pact_consents WHERE round_id = ?').run(roundId);
}

/** Forgets the choices of every round of a session (when it settles). */
export function forgetSessionClauseConsents(sessionId: number): void {
	sql('DELETE FROM pact_consents WHERE round_id IN (SELECT id FROM pact_rounds WHERE session_id = ?)').run(sessionId);
}
