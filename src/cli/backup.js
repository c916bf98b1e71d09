// `npm run backup [-- copy.sqlite]`: copies the live database while the app keeps running.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;

/**
 * Where the copy goes: the path given, or data/backups/entre-deux-<UTC date and time>.sqlite.
 * @param {string | undefined} given
 * @returns {string}
 */
function destination(given) {
	// npm runs scripts from the project's folder; a relative path means one from where npm was run.
	if (given) return resolve(process.env.INIT_CWD ?? process.cwd(), given);
	const stamp = new Date().toISOString().replace(/:/g, '-').replace(/\..*$/, '');
	return join(root, 'data', 'backups', `entre-deux-${stamp}.sqlite`);
}

/**
 * A size for people: 1.2 MB.
 * @param {number} bytes
 * @returns {string}
 */
function size(bytes) {
	if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Copies the database at source into target, then checks the copy; throws with a message for people.
 * @param {string} source
 * @param {string} target
 */
export function backUp(source, target) {
	if (!existsSync(source)) throw new Error(`No database at ${source}.`);
	if (existsSync(target)) throw new Error(`${target} already exists; choose another name.`);
	mkdirSync(dirname(target), { recursive: true });
	const live = new Database(source, { fileMustExist: true });
	try {
		live.pragma('busy_timeout = 10000');
		// One read transaction: under WAL the app keeps writing while it runs, and the copy is the
		// database as it was when the copy began.
		live.prepare('VACUUM INTO ?').run(target);
	} finally {
		live.close();
	}
	const copy = new Database(target, { readonly: true });
	const check = copy.pragma('integrity_check', { simple: true });
	copy.close();
	if (check !== 'ok') {
		rmSync(target, { force: true });
		throw new Error(`The copy failed its integrity check (${check}); it was removed.`);
	}
}

const source = resolve(process.env.DATABASE_PATH || join(root, 'data', 'entre-deux.sqlite'));
const target = destination(process.argv[2]);
try {
	backUp(source, target);
	console.log(`Backed up ${source}`);
	console.log(`to ${target} (${size(statSync(target).size)}), integrity checked.`);
} catch (error) {
	console.error(`Backup failed: ${error instanceof Error ? error.message : error}`);
	process.exit(1);
}
