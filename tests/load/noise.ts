// `--noisy`: the cores loaded as a build would load them while the benchmark runs (a venue's laptop
// building or testing something else): twice as many busy processes as cores, each compressing,
// hashing, allocating short-lived objects and writing temporary files (synced to disk now and then)
// without pause, at the same priority as the app. The load average settles around twice the core
// count.
import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { onCleanup } from './cleanup';
import { sleep } from './wait';

// What each noisy process runs: a bundler's kind of work, in a loop, never yielding for long.
const work = `
const { gzipSync, gunzipSync } = require('node:zlib');
const { createHash, randomBytes } = require('node:crypto');
const { writeFileSync, readFileSync, rmSync, openSync, fsyncSync, closeSync } = require('node:fs');
const { join } = require('node:path');
const file = join(require('node:os').tmpdir(), 'entre-deux-noise-' + process.pid);
const source = randomBytes(256 * 1024).toString('base64');
process.on('SIGTERM', () => { rmSync(file, { force: true }); process.exit(0); });
let rounds = 0;
function round() {
	const modules = [];
	for (let i = 0; i < 2000; i++) modules.push({ id: i, code: source.slice(i, i + 2000), deps: [i - 1, i + 1] });
	const out = gzipSync(JSON.stringify(modules));
	createHash('sha256').update(gunzipSync(out)).digest('hex');
	writeFileSync(file, out);
	readFileSync(file);
	// A build's output reaches the disk: now and then, wait for it.
	if (++rounds % 10 === 0) { const fd = openSync(file, 'r+'); fsyncSync(fd); closeSync(fd); }
	setImmediate(round);
}
round();
`;

/** Starts the noise; the function it gives stops it. */
export function startNoise(processes = os.cpus().length * 2): () => Promise<void> {
	const children: ChildProcess[] = Array.from({ length: processes }, () =>
		spawn(process.execPath, ['-e', work], { stdio: 'ignore' })
	);
	return onCleanup(async () => {
		const exits = children.map(
			(child) => new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null)))
		);
		for (const child of children) child.kill('SIGTERM');
		await Promise.race([Promise.all(exits), sleep(5000)]);
	});
}

/** The one-minute load average now, to show how loaded the machine was. */
export const loadAverage = () => Math.round(os.loadavg()[0]! * 10) / 10;
