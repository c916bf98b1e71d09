// The baseline: a bare node:http server doing what an answer needs and nothing else. It joins a
// phone (a token in a cookie, its hash in the database) and takes an answer the way Entre-deux
// does: find the participant by token hash, validate the JSON answer (as the phone sends it to
// /j/CODE/answers), upsert into the same answers table (same columns, indexes and newest-wins
// rule) through better-sqlite3 with the same pragmas.
// `node tests/load/baseline-server.js`.
import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';

const db = new Database(process.env.DATABASE_PATH ?? ':memory:');
db.pragma('journal_mode = WAL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = NORMAL');
db.exec(`
CREATE TABLE IF NOT EXISTS participants (id INTEGER PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS answers (
	participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
	session_id INTEGER NOT NULL,
	level TEXT NOT NULL,
	principle_id TEXT NOT NULL,
	rating_a INTEGER CHECK (rating_a BETWEEN 0 AND 4),
	rating_b INTEGER CHECK (rating_b BETWEEN 0 AND 4),
	answered_at INTEGER NOT NULL,
	sent_seq INTEGER,
	PRIMARY KEY (participant_id, level, principle_id)
);
CREATE INDEX IF NOT EXISTS answers_by_session ON answers (session_id, level, principle_id);
CREATE INDEX IF NOT EXISTS answers_by_participant ON answers (session_id, participant_id, level);`);

const join = db.prepare('INSERT INTO participants (token_hash) VALUES (?)');
const find = db.prepare('SELECT id FROM participants WHERE token_hash = ?').pluck();
const save =
	db.prepare(`INSERT INTO answers (participant_id, session_id, level, principle_id, rating_a, rating_b, answered_at, sent_seq)
	VALUES (?, 1, ?, ?, ?, ?, ?, ?)
	ON CONFLICT (participant_id, level, principle_id)
	DO UPDATE SET rating_a = excluded.rating_a, rating_b = excluded.rating_b, answered_at = excluded.answered_at,
	sent_seq = excluded.sent_seq
	WHERE excluded.sent_seq IS NULL OR answers.sent_seq IS NULL OR excluded.sent_seq >= answers.sent_seq`);
const levels = new Set(['nous', 'dans']);
const ratings = new Map([
	['0', 0],
	['1', 1],
	['2', 2],
	['3', 3],
	['4', 4],
	['x', null]
]);

/** @param {string} token */
const hash = (token) => createHash('sha256').update(token).digest('hex');

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 */
function reply(res, status, body) {
	res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

const server = createServer((req, res) => {
	/** @type {Buffer[]} */
	const chunks = [];
	req.on('data', (chunk) => chunks.push(chunk));
	req.on('end', () => {
		if (req.method !== 'POST') return reply(res, 404, { type: 'error' });
		if (req.url?.endsWith('?/join')) {
			const token = randomBytes(20).toString('hex');
			join.run(hash(token));
			res.setHeader('set-cookie', `participant_1=${token}; Path=/; HttpOnly; SameSite=Lax`);
			return reply(res, 200, { type: 'redirect', status: 303, location: '/j/BASELN' });
		}
		const token = /participant_1=(\w+)/.exec(req.headers.cookie ?? '')?.[1];
		const participantId = token ? find.get(hash(token)) : undefined;
		if (!participantId) return reply(res, 403, { message: 'not joined' });
		/** @type {{ answers?: Record<string, unknown>[] } | undefined} */
		let body;
		try {
			body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
		} catch {
			body = undefined;
		}
		const answer = body?.answers?.[0];
		const level = String(answer?.level ?? '');
		const principleId = String(answer?.principleId ?? '');
		const a = ratings.get(String(answer?.a));
		const b = ratings.get(String(answer?.b));
		const seq = answer?.seq;
		if (
			body?.answers?.length !== 1 ||
			!levels.has(level) ||
			!/^[a-z0-9-]{1,60}$/.test(principleId) ||
			a === undefined ||
			b === undefined ||
			!Number.isSafeInteger(seq)
		) {
			return reply(res, 400, { message: 'invalid' });
		}
		save.run(participantId, level, principleId, a, b, Date.now(), seq);
		reply(res, 200, { saved: 1 });
	});
});

// The same listen backlog as the app (src/cli/start.js), so that both take a room connecting at once.
server.listen(Number(process.env.PORT), '127.0.0.1', 4096, () => console.log('baseline ready'));
process.on('SIGTERM', () => {
	server.close();
	server.closeAllConnections();
	db.close();
	process.exit(0);
});
