import { sql } from './connection';

// Keyed by a hash of the phone's token made for check-ins alone (participation.ts): no query can
// join a check-in to the participant or their answers.

/** Saves or replaces one phone's check-in. */
export function saveCheckin(sessionId: number, checkinKey: string, availability: number, word: string): void {
	sql(
		`INSERT INTO checkins (session_id, checkin_key, availability, word) VALUES (?, ?, ?, ?)
		 ON CONFLICT (session_id, checkin_key) DO UPDATE SET availability = excluded.availability, word = excluded.word`
	).run(sessionId, checkinKey, availability, word);
}

/** One phone's own check-in. */
export function findCheckin(sessionId: number, checkinKey: string): { availability: number; word: string } | undefined {
	return sql('SELECT availability, word FROM checkins WHERE session_id = ? AND checkin_key = ?').get(
		sessionId,
		checkinKey
	) as { availability: number; word: string } | undefined;
}

/** The session's check-ins without who gave them, shuffled. */
export function sessionCheckins(sessionId: number): { availability: number; word: string }[] {
	return sql('SELECT availability, word FROM checkins WHERE session_id = ? ORDER BY random()').all(sessionId) as {
		availability: number;
		word: string;
	}[];
}

/** How many phones checked in. */
export function countCheckins(sessionId: number): number {
	return sql('SELECT COUNT(*) FROM checkins WHERE session_id = ?').pluck().get(sessionId) as number;
}

/** Forgets a session's check-ins, once their summary is released. */
export function deleteSessionCheckins(sessionId: number): void {
	sql('DELETE FROM checkins WHERE session_id = ?').run(sessionId);
}
