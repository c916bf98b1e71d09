import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '$lib/server/db/connection';
import { migrate, migrations, type Migration } from '$lib/server/db/migrate';

const opened: { db: Database.Database; path: string }[] = [];

function tempDatabase(): { db: Database.Database; path: string } {
	const path = join(tmpdir(), `entre-deux-migrations-${crypto.randomUUID()}.sqlite`);
	const db = new Database(path);
	opened.push({ db, path });
	return { db, path };
}

afterEach(() => {
	for (const { db, path } of opened.splice(0)) {
		if (db.open) db.close();
		for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
	}
});

function schema(db: Database.Database): string[] {
	return (
		db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").all() as {
			type: string;
			name: string;
			sql: string | null;
		}[]
	)
		.map((row) => `${row.type} ${row.name}: ${row.sql ?? ''}`)
		.sort();
}

function recorded(db: Database.Database): { version: number; name: string }[] {
	return db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as {
		version: number;
		name: string;
	}[];
}

describe('the shipped migrations', () => {
	it('are numbered from 1 without gaps, with a name', () => {
		expect(migrations.length).toBeGreaterThan(0);
		expect(migrations.map((migration) => migration.version)).toEqual(migrations.map((_, index) => index + 1));
		for (const migration of migrations) {
			expect(migration.name).toMatch(/^[\w-]+$/);
			expect(migration.sql.trim()).not.toBe('');
		}
	});
});

describe('migrate', () => {
	it('brings an empty database to the latest version and records every version', () => {
		const { db } = tempDatabase();
		expect(migrate(db)).toEqual(migrations.map((migration) => migration.version));
		expect(recorded(db)).toEqual(migrations.map(({ version, name }) => ({ version, name })));
		const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
		for (const table of [
			'users',
			'auth_sessions',
			'sign_in_failures',
			'groups',
			'memberships',
			'ground_rules',
			'invitations'
		]) {
			expect(tables).toContain(table);
		}
	});

	it('applies nothing the second time', () => {
		const { db } = tempDatabase();
		migrate(db);
		const before = schema(db);
		expect(migrate(db)).toEqual([]);
		expect(schema(db)).toEqual(before);
		expect(recorded(db)).toHaveLength(migrations.length);
	});

	it('keeps the data already there when it runs again', () => {
		const { db } = tempDatabase();
		migrate(db);
		db.prepare(
			"INSERT INTO users (name, email, password_hash, created_at) VALUES ('A', 'a@example.org', 'x', 1)"
		).run();
		migrate(db);
		expect(db.prepare('SELECT COUNT(*) FROM users').pluck().get()).toBe(1);
	});

	it('gives the same schema from every earlier version as from empty', () => {
		const fromEmpty = tempDatabase().db;
		migrate(fromEmpty);
		const expected = schema(fromEmpty);

		for (let k = 0; k <= migrations.length; k++) {
			const { db } = tempDatabase();
			expect(migrate(db, migrations.slice(0, k))).toHaveLength(k);
			expect(migrate(db), `from version ${k}`).toEqual(migrations.slice(k).map((migration) => migration.version));
			expect(schema(db), `from version ${k}`).toEqual(expected);
			expect(recorded(db)).toHaveLength(migrations.length);
		}
	});

	it('rolls back a migration that fails, keeping the ones before it', () => {
		const { db } = tempDatabase();
		const broken: Migration[] = [
			{ version: 1, name: 'good', sql: 'CREATE TABLE a (id INTEGER PRIMARY KEY);' },
			{ version: 2, name: 'broken', sql: 'CREATE TABLE b (id INTEGER PRIMARY KEY); CREATE TABLE oops (' }
		];
		expect(() => migrate(db, broken)).toThrow();
		expect(recorded(db)).toEqual([{ version: 1, name: 'good' }]);
		const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
		expect(tables).toContain('a');
		expect(tables).not.toContain('b');
	});
});

describe('openDatabase', () => {
	it('turns on WAL, foreign keys and a busy timeout, and migrates', () => {
		const path = join(tmpdir(), `entre-deux-open-${crypto.randomUUID()}`, 'nested', 'app.sqlite');
		const db = openDatabase(path);
		opened.push({ db, path });
		try {
			expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
			expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
			expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
			expect(recorded(db)).toHaveLength(migrations.length);
		} finally {
			db.close();
			rmSync(join(path, '../..'), { recursive: true, force: true });
		}
	});

	it('opens an existing database without migrating it twice', () => {
		const { db, path } = tempDatabase();
		migrate(db, migrations.slice(0, 0));
		db.close();
		const first = openDatabase(path);
		first.close();
		const again = openDatabase(path);
		opened.push({ db: again, path });
		expect(recorded(again)).toHaveLength(migrations.length);
	});
});

describe('migration 5, disclosure control', () => {
	it('keeps closed sessions’ figures as counts and releases, and drops their per-person rows and every name', () => {
		const { db } = tempDatabase();
		migrate(
			db,
			migrations.filter((migration) => migration.version < 5)
		);
		db.exec(`
			INSERT INTO groups (id, name, anonymity_threshold, created_at) VALUES (1, 'COP', 3, 0);
			INSERT INTO ground_rules (id, group_id, position, text) VALUES (1, 1, 1, 'On parle en je');
			INSERT INTO sessions (id, group_id, title, held_on, status, instrument_version, created_at)
				VALUES (1, 1, 'Close', '2026-01-10', 'closed', 1, 0), (2, 1, 'En cours', '2026-04-10', 'live', 1, 0);
			INSERT INTO participants (id, session_id, token_hash, display_name, joined_at) VALUES
				(1, 1, 'h1', 'Ada', 0), (2, 1, 'h2', 'Bea', 0), (3, 1, 'h3', 'Cyd', 0), (4, 2, 'h4', 'Dan', 0);
			INSERT INTO answers (participant_id, session_id, level, principle_id, rating_a, rating_b, answered_at) VALUES
				(1, 1, 'je', 'place', 4, 4, 0), (2, 1, 'je', 'place', 4, 4, 0), (3, 1, 'je', 'place', 1, 2, 0),
				(1, 1, 'je', 'role-identite', 2, 2, 0), (2, 1, 'je', 'role-identite', 3, 3, 0),
				(4, 2, 'je', 'place', 0, 1, 0);
			INSERT INTO session_snapshots (session_id, participant_count, respondent_count, anonymity_threshold,
				instrument_version, taken_at) VALUES (1, 3, 3, 3, 1, 0);
			INSERT INTO consents (participant_id, session_id, rule_id, choice) VALUES
				(1, 1, 1, 'consent'), (2, 1, 1, 'consent'), (3, 1, 1, 'object'), (4, 2, 1, 'abstain');
			INSERT INTO checkins (participant_id, session_id, availability, word) VALUES
				(1, 1, 4, 'soleil'), (2, 1, 3, 'pluie'), (3, 1, 2, 'brume'), (4, 2, 5, 'neige');
		`);
		migrate(db);
		const all = (sql: string) => db.prepare(sql).all();
		expect(all('SELECT level, principle_id, rating_a, rating_b, count FROM snapshot_pairs ORDER BY rating_a')).toEqual([
			{ level: 'je', principle_id: 'place', rating_a: 1, rating_b: 2, count: 1 },
			{ level: 'je', principle_id: 'place', rating_a: 4, rating_b: 4, count: 2 }
		]);
		expect(all('SELECT session_id FROM answers')).toEqual([{ session_id: 2 }]);
		expect(all('SELECT session_id, choice FROM consents')).toEqual([{ session_id: 2, choice: 'abstain' }]);
		expect(all('SELECT session_id, word FROM checkins')).toEqual([{ session_id: 2, word: 'neige' }]);
		expect(all("SELECT name FROM pragma_table_info('participants') WHERE name = 'display_name'")).toEqual([]);
		const releases = Object.fromEntries(
			(
				all('SELECT activity, summary FROM session_releases WHERE session_id = 1') as {
					activity: string;
					summary: string;
				}[]
			).map(({ activity, summary }) => [activity, JSON.parse(summary)])
		);
		expect(releases.checkin).toMatchObject({ n: 3, meanAvailability: 3 });
		expect([...releases.checkin.words].sort()).toEqual(['brume', 'pluie', 'soleil']);
		expect(releases.frame).toEqual({ rules: [{ ruleId: 1, n: 3, tally: { consent: 2, object: 1, abstain: 0 } }] });
		expect(all('SELECT session_id FROM session_releases WHERE session_id = 2')).toEqual([]);
	});
});
