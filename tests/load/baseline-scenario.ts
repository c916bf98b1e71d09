// The same answers against the bare baseline, in its own child process like the app, so that it
// shares the two cores with the load generator exactly as Entre-deux does.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort, removeDatabase, tempDatabasePath } from '../support/app-server';
import { answerAll, answersPerSecond, flatOut, type Item } from './answer-workload';
import { onCleanup } from './cleanup';
import { measureCpu } from './cpu';
import { joinPhones } from './phones';
import { latency, type Latency } from './stats';
import { sleep } from './wait';

export interface BaselineResult {
	answersPerSecond: number;
	latencyMs: Latency;
	acknowledged: number;
	/** The baseline's CPU time over its measured pass, per answer acknowledged. */
	cpuMsPerAnswer: number;
}

async function startBaseline() {
	const port = await freePort();
	const databasePath = tempDatabasePath('baseline');
	const child = spawn(process.execPath, [fileURLToPath(new URL('./baseline-server.js', import.meta.url))], {
		env: { ...process.env, PORT: String(port), DATABASE_PATH: databasePath },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	const stop = onCleanup(async () => {
		if (child.exitCode === null && child.signalCode === null) {
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			await Promise.race([exited, sleep(5000)]);
		}
		removeDatabase(databasePath);
	});
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('The baseline did not start within 10 s')), 10_000);
		child.stdout!.on('data', (chunk: Buffer) => {
			if (chunk.toString().includes('ready')) {
				clearTimeout(timer);
				resolve();
			}
		});
		child.once('exit', () => reject(new Error('The baseline exited while starting')));
	});
	return { url: `http://127.0.0.1:${port}`, pid: child.pid, stop };
}

/** Joins n phones to the baseline, answers every item once, then measures a second pass flat out. */
export async function runBaseline(n: number, items: readonly Item[]): Promise<BaselineResult> {
	const baseline = await startBaseline();
	try {
		const phones = await joinPhones(baseline.url, 'BASELN', n, false);
		const clients = phones.map((phone) => phone.client);
		await answerAll(clients, 'BASELN', items, flatOut);
		const cpu = measureCpu(baseline.pid);
		const measured = await answerAll(clients, 'BASELN', items, flatOut);
		const cpuMs = cpu();
		return {
			answersPerSecond: answersPerSecond(measured),
			latencyMs: latency(measured.latencies),
			acknowledged: measured.acknowledged,
			cpuMsPerAnswer: cpuMs / measured.acknowledged
		};
	} finally {
		await baseline.stop();
	}
}
