// Reads the app's SQLite file from outside, as an operator would after a crash: what is really
// stored, whatever the app says. Read-only, and closed after each look.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { Client } from './http-client';

export interface StoredAnswer {
	level: string;
	principleId: string;
	a: number | null;
	b: number | null;
}

/** Runs fn on a read-only connection to the database file. */
export function readDatabase<T>(path: string, fn: (db: Database.Database) => T): T {
	const db = new Database(path, { readonly: true, fileMustExist: true });
	try {
		return fn(db);
	} finally {
		db.close();
	}
}

/** How the app stores a participant token (the cookie's value): its SHA-256, in hex. */
export function hashOf(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

/** The stored hash of a phone's participant token (the cookie it got when it joined). */
export function tokenHash(phone: Client, sessionId: number): string {
	const token = phone.cookies.get(`participant_${sessionId}`);
	if (!token) throw new Error('This phone has no participant cookie');
	return hashOf(token);
}

/** Every answer stored for the participant a phone is, keyed `level|principleId`. */
export function storedAnswers(db: Database.Database, hash: string): Map<string, StoredAnswer> {
	const rows = db
		.prepare(
			`SELECT a.level, a.principle_id AS principleId, a.rating_a AS a, a.rating_b AS b
			 FROM answers a JOIN participants p ON p.id = a.participant_id WHERE p.token_hash = ?`
		)
		.all(hash) as StoredAnswer[];
	return new Map(rows.map((row) => [`${row.level}|${row.principleId}`, row]));
}

/** Where a session stands: status, stage and phase. */
export function sessionState(db: Database.Database, sessionId: number) {
	return db
		.prepare('SELECT status, stage_position AS stagePosition, phase, version FROM sessions WHERE id = ?')
		.get(sessionId) as { status: string; stagePosition: number; phase: string; version: number };
}

/** How many participants a session has. */
export function participantCount(db: Database.Database, sessionId: number): number {
	return db.prepare('SELECT COUNT(*) FROM participants WHERE session_id = ?').pluck().get(sessionId) as number;
}
