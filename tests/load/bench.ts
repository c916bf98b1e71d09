// `npm run bench [-- --participants N --runs R --streams S --json FILE --note TEXT --noisy
// --via endpoint|action]`: the room scenario R times against Entre-deux and the baseline, then the
// streams scenario once; writes BENCHMARKS.md, or only the JSON figures when --json is given.
// --noisy loads the cores as a build would meanwhile (tests/load/noise.ts); --via action sends the
// answers to the page's form action instead of the answers endpoint (how phones sent them before).
// For a quicker look while working: `-- --participants 300 --runs 1 --streams 0 --json FILE`.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { format, resolveConfig } from 'prettier';
import { runRoom } from './answer-scenario';
import type { Via } from './answer-workload';
import { runBaseline } from './baseline-scenario';
import { cleanUpAll, guardProcess } from './cleanup';
import { loadAverage, startNoise } from './noise';
import { markdown } from './report';
import { runStreams } from './stream-scenario';
import { median } from './stats';
import { machine, summarise, type Run } from './summary';

const { values } = parseArgs({
	options: {
		participants: { type: 'string', default: '1000' },
		runs: { type: 'string', default: '3' },
		streams: { type: 'string', default: '5000' },
		json: { type: 'string' },
		note: { type: 'string', default: 'the machine was otherwise quiet.' },
		noisy: { type: 'boolean', default: false },
		via: { type: 'string', default: 'endpoint' }
	}
});
const via = values.via as Via;
if (via !== 'endpoint' && via !== 'action') throw new Error('--via: endpoint or action');
const participants = Number(values.participants);
const runCount = Number(values.runs);
const streamCount = Number(values.streams);
if (!(participants > 0 && runCount > 0 && streamCount >= 0))
	throw new Error('--participants, --runs, --streams: numbers');

// The command as a reader would type it again; the note is only the report's prose.
const shown = ['participants', 'runs', 'streams', 'json', 'via']
	.filter((name) => process.argv.includes(`--${name}`))
	.map((name) => `--${name} ${values[name as 'participants']}`);
if (values.noisy) shown.push('--noisy');
if (shown.length) shown.unshift('--');
const started = Date.now();
const release = guardProcess(15 * 60_000);
const log = (line: string) => console.log(`[${Math.round((Date.now() - started) / 1000)} s] ${line}`);
const stopNoise = values.noisy ? startNoise() : async () => {};
const loads: number[] = [];
const sampleLoad = setInterval(() => loads.push(loadAverage()), 5000);
try {
	if (values.noisy) log('noise started: the cores are loaded as a build would load them');
	const runs: Run[] = [];
	for (let i = 1; i <= runCount; i++) {
		log(`run ${i}/${runCount}: a room of ${participants} phones (starts the app; builds it first if stale)`);
		const room = await runRoom(participants, via);
		log(`run ${i}/${runCount}: the baseline`);
		const baseline = await runBaseline(participants, room.items);
		runs.push({ room, baseline });
		log(`run ${i}: ${Math.round(room.flatOutPerSecond)} vs ${Math.round(baseline.answersPerSecond)} answers/s`);
	}
	log(streamCount ? `${streamCount} live streams` : 'no streams scenario');
	const streams = streamCount ? await runStreams(streamCount) : null;
	await stopNoise();
	clearInterval(sampleLoad);
	const figures = {
		...summarise(participants, runs, streams),
		noisy: values.noisy,
		via,
		// The one-minute load average, sampled every 5 s over the whole benchmark.
		loadAverage: { median: median(loads), max: Math.max(...loads) }
	};
	const context = {
		command: ['npm run bench', ...shown].join(' '),
		date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
		durationS: Math.round((Date.now() - started) / 1000),
		machine: machine(),
		note: values.note
	};
	if (values.json) writeFileSync(values.json, JSON.stringify({ ...figures, ...context }, null, '\t') + '\n');
	else {
		// Formatted as `npm run lint` expects of every file.
		const path = new URL('../../BENCHMARKS.md', import.meta.url).pathname;
		const options = { ...(await resolveConfig(path)), parser: 'markdown' };
		writeFileSync(path, await format(markdown(figures, context), options));
	}
	log(`done: ${values.json ?? 'BENCHMARKS.md'}`);
	console.log(JSON.stringify(figures, null, 1));
} finally {
	clearInterval(sampleLoad);
	release();
	await cleanUpAll();
}
