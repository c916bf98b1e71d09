// `npx vite-node --config src/cli/vite.config.ts tests/load/profile.ts -- [--participants N] [--via endpoint|action]`:
// the flat-out answer pass of the room under Node's CPU profiler, with the projector, control view
// and the phones' streams open; prints where the server's time goes (self time by function and by
// package) and leaves the .cpuprofile in the directory it names, for Chrome's DevTools.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startServer, removeDatabase } from '../support/app-server';
import { control, openRoom, questionnaireItems } from '../support/room';
import { answerAll, answersPerSecond, flatOut, type Via } from './answer-workload';
import { measureCpu } from './cpu';
import { hangUp, joinPhones } from './phones';
import { followScreen } from './projector';

const { values } = parseArgs({
	options: { participants: { type: 'string', default: '300' }, via: { type: 'string', default: 'endpoint' } }
});
const dir = mkdtempSync(join(tmpdir(), 'entre-deux-profile-'));
const server = await startServer({ nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`] });
try {
	const room = await openRoom(server.url);
	const items = await questionnaireItems(server.url);
	const projector = await followScreen(room.facilitator, `/present/${room.sessionId}`);
	const controlView = await followScreen(room.facilitator, room.controlPath);
	const phones = await joinPhones(server.url, room.joinCode, Number(values.participants));
	for (let stage = 1; stage < 6; stage++) await control(room, 'next');
	await control(room, 'openActivity');
	const clients = phones.map((phone) => phone.client);
	await answerAll(clients, room.joinCode, items, flatOut, values.via as Via);
	const cpu = measureCpu(server.child.pid);
	const result = await answerAll(clients, room.joinCode, items, flatOut, values.via as Via);
	console.log(
		`${Math.round(answersPerSecond(result))} answers/s, ${(cpu() / result.acknowledged).toFixed(3)} ms CPU per answer`
	);
	hangUp(phones);
	projector.stream.close();
	controlView.stream.close();
} finally {
	await server.stop();
	removeDatabase(server.databasePath);
}

interface Node {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
}
const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
if (!file) throw new Error('No profile written');
const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
	nodes: Node[];
	samples: number[];
	timeDeltas: number[];
};
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const place = (url: string) =>
	/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ??
	(url.includes('/build/') ? 'app (build/)' : url.startsWith('node:') ? url : url ? 'other' : '(native/gc)');
const functions = new Map<string, number>();
const places = new Map<string, number>();
for (const [id, time] of self) {
	const { callFrame } = byId.get(id)!;
	const name = `${callFrame.functionName || '(anonymous)'} ${callFrame.url.split('/').slice(-2).join('/')}:${callFrame.lineNumber}`;
	functions.set(name, (functions.get(name) ?? 0) + time);
	const where = callFrame.url ? place(callFrame.url) : callFrame.functionName;
	places.set(where, (places.get(where) ?? 0) + time);
}
const top = (map: Map<string, number>, n: number) =>
	[...map]
		.sort((a, b) => b[1] - a[1])
		.slice(0, n)
		.map(([name, time]) => `${((time / total) * 100).toFixed(1).padStart(5)} %  ${name}`)
		.join('\n');
console.log(
	`profile: ${join(dir, file)}\n\nself time by place:\n${top(places, 15)}\n\nby function:\n${top(functions, 40)}`
);
