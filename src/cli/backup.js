// `npm run backup [-- copy.sqlite] [-- --keep N]`: copies the live database while the app keeps
// running; with --keep, then deletes all but the newest N dated copies in the backups folder.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const root = new URL('../..', import.meta.url).pathname;
const dated = /^entre-deux-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.sqlite$/;

/**
 * Where the copy goes: the path given, or <backups>/entre-deux-<UTC date and time>.sqlite.
 * @param {string | undefined} given
 * @param {string} backups
 * @returns {string}
 */
function destination(given, backups) {
	// npm runs scripts from the project's folder; a relative path means one from where npm was run.
	if (given) return resolve(process.env.INIT_CWD ?? process.cwd(), given);
	const stamp = new Date().toISOString().replace(/:/g, '-').replace(/\..*$/, '');
	return join(backups, `entre-deux-${stamp}.sqlite`);
}

/**
 * Deletes all but the newest `keep` dated copies in a folder (their names sort by date); returns
 * the names deleted. Other files in the folder are never touched.
 * @param {string} folder
 * @param {number} keep
 * @returns {string[]}
 */
export function rotate(folder, keep) {
	const copies = readdirSync(folder)
		.filter((name) => dated.test(name))
		.sort();
	const old = copies.slice(0, Math.max(0, copies.length - keep));
	for (const name of old) rmSync(join(folder, name), { force: true });
	return old;
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
// Dated copies go beside the database, in backups/, unless BACKUP_DIR says where.
const backups = resolve(process.env.BACKUP_DIR || join(dirname(source), 'backups'));
try {
	const { values, positionals } = parseArgs({ options: { keep: { type: 'string' } }, allowPositionals: true });
	const keep = values.keep === undefined ? undefined : Number(values.keep);
	if (keep !== undefined && !(Number.isInteger(keep) && keep >= 1))
		throw new Error('--keep takes a number of copies, 1 or more.');
	if (keep !== undefined && positionals[0])
		throw new Error('--keep rotates the dated copies in the backups folder: give no path with it.');
	const target = destination(positionals[0], backups);
	backUp(source, target);
	console.log(`Backed up ${source}`);
	console.log(`to ${target} (${size(statSync(target).size)}), integrity checked.`);
	if (keep !== undefined) {
		const removed = rotate(backups, keep);
		console.log(`Kept the newest ${keep} copies in ${backups}; removed ${removed.length}.`);
	}
} catch (error) {
	console.error(`Backup failed: ${error instanceof Error ? error.message : error}`);
	process.exit(1);
}
