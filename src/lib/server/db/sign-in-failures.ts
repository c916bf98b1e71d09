import { sql } from './connection';

/** Records one failed sign-in for an email. */
export function recordSignInFailure(email: string, at: number): void {
	sql('INSERT INTO sign_in_failures (email, failed_at) VALUES (?, ?)').run(email, at);
}

/** Times of the failed sign-ins for an email since a moment, newest first. */
export function signInFailuresSince(email: string, since: number): number[] {
	return sql('SELECT failed_at FROM sign_in_failures WHERE email = ? AND failed_at > ? ORDER BY failed_at DESC')
		.pluck()
		.all(email, since) as number[];
}

/** Forgets an email's failures (after a successful sign-in) and everything older than a moment. */
export function clearSignInFailures(email: string, olderThan: number): void {
	sql('DELETE FROM sign_in_failures WHERE email = ? OR failed_at <= ?').run(email, olderThan);
}
