import type Database from 'better-sqlite3';

export interface Migration {
	version: number;
	name: string;
	sql: string;
}

const files = import.meta.glob('./migrations/*.sql', {
	query: '?raw',
	import: 'default',
	eager: true
}) as Record<string, string>;

/** The numbered migrations shipped with the app, in order. */
export const migrations: Migration[] = Object.entries(files)
	.map(([path, sql]) => {
		const match = /(\d+)_([\w-]+)\.sql$/.exec(path);
		if (!match) throw new Error(`Migration file name must be NNN_name.sql: ${path}`);
		return { version: Number(match[1]), name: match[2] as string, sql };
	})
	.sort((a, b) => a.version - b.version);

/** Applies every migration not yet recorded, each in its own transaction; returns the versions applied. */
export function migrate(db: Database.Database, available: Migration[] = migrations): number[] {
	db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY,
		name TEXT NOT NULL,
		applied_at INTEGER NOT NULL
	)`);
	const done = new Set(
		db
			.prepare('SELECT version FROM schema_migrations')
			.pluck()
			.all()
			.map((version) => Number(version))
	);
	const applied: number[] = [];
	for (const migration of available) {
		if (done.has(migration.version)) continue;
		db.transaction(() => {
			db.exec(migration.sql);
			db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
				migration.version,
				migration.name,
				Date.now()
			);
		})();
		applied.push(migration.version);
	}
	return applied;
}
