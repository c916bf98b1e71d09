import { sql } from './connection';

/** Saves or replaces a participant's check-in. */
export function saveCheckin(participantId: number, sessionId: number, availability: number, word: string): void {
	sql(
		`INSERT INTO checkins (participant_id, session_id, availability, word) VALUES (?, ?, ?, ?)
		 ON CONFLICT (participant_id) DO UPDATE SET availability = excluded.availability, word = excluded.word`
	).run(participantId, sessionId, availability, word);
}

/** A participant's own check-in. */
export function findCheckin(participantId: number): { availability: number; word: string } | undefined {
	return sql('SELECT availability, word FROM checkins WHERE participant_id = ?').get(participantId) as
		{ availability: number; word: string } | undefined;
}

/** The session's check-ins without who gave them: availabilities and words. */
export function sessionCheckins(sessionId: number): { availability: number; word: string }[] {
	return sql('SELECT availability, word FROM checkins WHERE session_id = ? ORDER BY random()').all(sessionId) as {
		availability: number;
		word: string;
	}[];
}
