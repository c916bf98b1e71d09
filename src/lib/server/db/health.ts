import { sql } from './connection';

/** Whether the database answers a read: the migrations table exists once start-up has run. */
export function databaseAnswers(): boolean {
	try {
		return typeof sql('SELECT count(*) FROM schema_migrations').pluck().get() === 'number';
	} catch {
		return false;
	}
}
