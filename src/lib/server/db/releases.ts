import { sql } from './connection';

export type ReleasedActivity = 'checkin' | 'frame';

/** Freezes what the room is shown of an activity, once: a later call keeps the first. */
export function saveRelease(sessionId: number, activity: ReleasedActivity, summary: unknown, at = Date.now()): void {
	sql(
		`INSERT INTO session_releases (session_id, activity, summary, released_at) VALUES (?, ?, ?, ?)
		 ON CONFLICT (session_id, activity) DO NOTHING`
	).run(sessionId, activity, JSON.stringify(summary), at);
}

/** What was released of an activity, or undefined. */
export function findRelease<Summary>(sessionId: number, activity: ReleasedActivity): Summary | undefined {
	const summary = sql('SELECT summary FROM session_releases WHERE session_id = ? AND activity = ?')
		.pluck()
		.get(sessionId, activity) as string | undefined;
	return summary === undefined ? undefined : (JSON.parse(summary) as Summary);
}
