// Starts the built app (what `npm start` serves) as a child process on a temporary database, for
// the system tests and the benchmark. Needs `npm run build` first; start.js rebuilds a stale build.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface AppServer {
	url: string;
	port: number;
	databasePath: string;
	child: ChildProcess;
	/** Everything the process printed so far. */
	output(): string;
	/** Resident memory of the process in MB (Linux), from /proc. */
	rssMb(): number;
	/** Stops the process with a signal and waits for it to exit. */
	stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface StartOptions {
	/** Reuse a database file (a restart); a fresh temporary one when absent. */
	databasePath?: string;
	/** A fixed port (a restart that phones should find again); a free one when absent. */
	port?: number;
	env?: Record<string, string>;
	/** Options for node itself, before the script (e.g. --cpu-prof, to profile under load). */
	nodeArgs?: string[];
	/** Another install of the app to start (a host's copy); this checkout when absent. */
	root?: string;
}

/** A TCP port that nothing listens on now. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.unref();
		probe.on('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

/** A path for a new temporary database file. */
export function tempDatabasePath(label = 'system'): string {
	return join(
		tmpdir(),
		`entre-deux-${label}-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.sqlite`
	);
}

/** Deletes a database file with its WAL and shared-memory files. */
export function removeDatabase(path: string): void {
	for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}

/** Starts the app and resolves once it answers HTTP. */
export async function startServer(options: StartOptions = {}): Promise<AppServer> {
	const port = options.port ?? (await freePort());
	const databasePath = options.databasePath ?? tempDatabasePath();
	const root = options.root ?? new URL('../..', import.meta.url).pathname;
	const child = spawn(process.execPath, [...(options.nodeArgs ?? []), join(root, 'src/cli/start.js')], {
		cwd: root,
		env: {
			...process.env,
			NODE_ENV: 'production',
			PORT: String(port),
			HOST: '127.0.0.1',
			DATABASE_PATH: databasePath,
			...options.env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let printed = '';
	child.stdout!.on('data', (chunk) => (printed += chunk));
	child.stderr!.on('data', (chunk) => (printed += chunk));
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const url = `http://127.0.0.1:${port}`;

	const deadline = Date.now() + 120_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`The app exited while starting:\n${printed}`);
		try {
			await fetch(`${url}/api/framework`, { redirect: 'manual' });
			break;
		} catch {
			if (Date.now() > deadline) throw new Error(`The app did not answer within 2 minutes:\n${printed}`);
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	}

	return {
		url,
		port,
		databasePath,
		child,
		output: () => printed,
		rssMb() {
			const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
			const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
			return kb / 1024;
		},
		async stop(signal = 'SIGTERM') {
			if (child.exitCode === null && child.signalCode === null) child.kill(signal);
			await exited;
		}
	};
}
