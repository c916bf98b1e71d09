import { sql } from './connection';

// First names are for the room to see who is there. Keyed by a hash of the phone's token made for
// names alone (participation.ts), so no query can join a name to a participant or an answer.

/** Sets, changes or (with an empty name) removes a phone's first name. */
export function saveRoomName(sessionId: number, nameKey: string, name: string): void {
	if (!name) {
		sql('DELETE FROM room_names WHERE session_id = ? AND name_key = ?').run(sessionId, nameKey);
		return;
	}
	sql(
		`INSERT INTO room_names (session_id, name_key, name) VALUES (?, ?, ?)
		 ON CONFLICT (session_id, name_key) DO UPDATE SET name = excluded.name`
	).run(sessionId, nameKey, name);
}

/** A phone's own first name, or ''. */
export function ownRoomName(sessionId: number, nameKey: string): string {
	return (
		(sql('SELECT name FROM room_names WHERE session_id = ? AND name_key = ?').pluck().get(sessionId, nameKey) as
			string | undefined) ?? ''
	);
}

/** Who is in the room, in alphabetical order (never in the order they came). */
export function listRoomNames(sessionId: number): string[] {
	const names = sql('SELECT name FROM room_names WHERE session_id = ?').pluck().all(sessionId) as string[];
	return names.sort((a, b) => a.localeCompare(b, 'fr', { sensitivity: 'base' }));
}

/** How many phones gave a first name. */
export function countRoomNames(sessionId: number): number {
	return sql('SELECT COUNT(*) FROM room_names WHERE session_id = ?').pluck().get(sessionId) as number;
}

/** Forgets a session's names, once it no longer runs. */
export function deleteRoomNames(sessionId: number): void {
	sql('DELETE FROM room_names WHERE session_id = ?').run(sessionId);
}
