import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrate';

export type Db = Database.Database;

let current: Db | undefined;
const statements = new Map<string, Database.Statement>();

/** Opens a SQLite file with the pragmas the app relies on, and brings its schema up to date. */
export function openDatabase(path: string): Db {
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const db = new Database(path);
	db.pragma('journal_mode = WAL');
	db.pragma('foreign_keys = ON');
	db.pragma('busy_timeout = 5000');
	// Under WAL a commit is in the WAL file once it returns: a killed process loses nothing; only an
	// OS crash or a power cut may lose the last commits before a checkpoint.
	db.pragma('synchronous = NORMAL');
	migrate(db);
	return db;
}

/** The process's one connection, opened on first use from DATABASE_PATH. */
export function db(): Db {
	current ??= openDatabase(process.env.DATABASE_PATH || 'data/entre-deux.sqlite');
	return current;
}

/** Replaces the process's connection (tests use a temporary file). */
export function useDatabase(next: Db): void {
	current?.close();
	statements.clear();
	current = next;
}

/** A prepared statement on the current connection, prepared once per SQL text. */
export function sql(text: string): Database.Statement {
	let statement = statements.get(text);
	if (!statement) {
		statement = db().prepare(text);
		statements.set(text, statement);
	}
	return statement;
}

/** Runs fn in one transaction on the current connection. */
export function transaction<T>(fn: () => T): T {
	return db().transaction(fn)();
}
