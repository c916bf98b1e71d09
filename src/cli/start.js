// `npm start`: builds when the build is missing or older than the sources, then serves the app.
// Installed without dev dependencies (`npm ci --omit=dev`, a host's way), it serves the prebuilt
// app in build/ as it is, since the tools that build it are not there.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const built = join(root, 'build', 'handler.js');
const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');

/**
 * The newest modification time of any file below the given paths.
 * @param {string[]} paths
 * @returns {number}
 */
function newest(paths) {
	let latest = 0;
	for (const path of paths) {
		if (!existsSync(path)) continue;
		const stat = statSync(path);
		if (stat.isDirectory()) {
			for (const entry of readdirSync(path)) latest = Math.max(latest, newest([join(path, entry)]));
		} else latest = Math.max(latest, stat.mtimeMs);
	}
	return latest;
}

const sources = ['src', 'content', 'static', 'messages', 'package.json', 'svelte.config.js', 'vite.config.ts'];
if (!existsSync(vite)) {
	if (!existsSync(built)) {
		console.error('No build/ to serve, and no dev dependencies to build it with.');
		console.error('Either `npm install && npm start`, or build elsewhere with `npm ci && npm run build`');
		console.error('and copy build/ here beside node_modules/ from `npm ci --omit=dev`.');
		process.exit(1);
	}
	console.log('Serving the prebuilt app in build/ (no dev dependencies, so no rebuild).');
} else if (!existsSync(built) || newest(sources.map((p) => join(root, p))) > statSync(built).mtimeMs) {
	console.log('Building Entre-deux…');
	execFileSync(process.execPath, [vite, 'build'], {
		cwd: root,
		stdio: 'inherit',
		// A NODE_ENV inherited from a test runner would make Vite bundle Svelte's development runtime.
		env: { ...process.env, NODE_ENV: 'production' }
	});
}

process.env.DATABASE_PATH ||= join(root, 'data', 'entre-deux.sqlite');
// Without ORIGIN, each request's origin comes from its Host header and its protocol from
// X-Forwarded-Proto (set by an https proxy), so phones reaching http://192.168.x.y:3000 work too.
process.env.PROTOCOL_HEADER ||= 'x-forwarded-proto';

const { handler } = await import(built);
const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || '0.0.0.0';

// The phones' answers, the busiest requests, are taken before SvelteKit when the app handed over
// their endpoint (src/lib/server/sessions/answer-endpoint.ts): SvelteKit's request and response
// objects cost several times what an answer does. Every other request goes to SvelteKit.
/** @type {((req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => boolean) | undefined} */
const answers = /** @type {any} */ (globalThis)[Symbol.for('entre-deux.answers')];

const server = createServer((req, res) => {
	if (answers?.(req, res)) return;
	if (!process.env.ORIGIN && !req.headers['x-forwarded-proto']) req.headers['x-forwarded-proto'] = 'http';
	handler(req, res);
});
// A room of phones connects at once (joining, or reloading after a stage change): with Node's
// default backlog of 511 the kernel drops the rest, and a dropped phone waits 1, 3, 7… seconds
// before it tries again. The kernel caps this at net.core.somaxconn.
const backlog = 4096;
server.listen(port, host, backlog, () => {
	console.log(`Entre-deux is ready on http://localhost:${port}`);
	console.log(`Database: ${process.env.DATABASE_PATH}`);
});

function stop() {
	server.close(() => process.exit(0));
	server.closeAllConnections();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
