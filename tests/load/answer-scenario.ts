// One run of the room: the built app on a fresh database, the projector open, n phones joined
// with their streams, the facilitator moving to the questionnaire; then everyone answers at a
// person's pace (latency, loss, projector lag), and once more flat out (throughput).
import Database from 'better-sqlite3';
import type { AppServer } from '../support/app-server';
import { control, openRoom, questionnaireItems, type Room } from '../support/room';
import {
	answerAll,
	answersPerSecond,
	flatOut,
	paced,
	type Item,
	type Via,
	type WorkloadResult
} from './answer-workload';
import { measureCpu } from './cpu';
import { startBenchServer } from './cleanup';
import { timeStateChange, type Reach } from './fan-out';
import { largestPaintMs } from './page-paint';
import { pageScripts, type PageWeight } from './page-weight';
import { hangUp, joinPhones, type Phone } from './phones';
import { followScreen, projectorLag } from './projector';
import { startStallProbe, type StallProbe } from './stall-probe';
import { sleep } from './wait';

export interface RoomRun {
	/** The questionnaire's items, for the baseline to answer the same. */
	items: Item[];
	paced: WorkloadResult;
	flatOut: WorkloadResult;
	flatOutPerSecond: number;
	/** The server's CPU time (user + system) over the flat-out phase, per answer acknowledged. */
	serverCpuMsPerAnswer: number;
	stored: number;
	projectorLagMs: number;
	peakRssMb: number;
	stageChanges: Reach[];
	/** Results revealed at stage 7: every phone reloads them. */
	reveal: Reach;
	/** While the phones answered (both passes): the server's slowest health check, the generator's lag. */
	stallProbe: StallProbe;
	/** Latencies of the answers sent while no state change was reaching the phones. */
	quietLatencies: number[];
	/** The JavaScript of a joined phone's page, before results are revealed. */
	participantPageJs: PageWeight;
	/** Largest contentful paints of the joined phone's page on slow 3G, cold loads. */
	participantPaintsMs: number[];
}

function sampleRss(server: AppServer) {
	let peak = server.rssMb();
	const timer = setInterval(() => (peak = Math.max(peak, server.rssMb())), 100);
	return () => {
		clearInterval(timer);
		return Math.max(peak, server.rssMb());
	};
}

function storedAnswers(server: AppServer, sessionId: number): number {
	const db = new Database(server.databasePath, { readonly: true, fileMustExist: true });
	try {
		return db.prepare('SELECT COUNT(*) FROM answers WHERE session_id = ?').pluck().get(sessionId) as number;
	} finally {
		db.close();
	}
}

/** A facilitator's click, timed across the phones' streams. */
const click = (room: Room, phones: Phone[], action: string, fields: Record<string, string> = {}) =>
	timeStateChange(phones, () => control(room, action, fields));

/** Runs the room once with n phones. */
export async function runRoom(n: number, via: Via = 'endpoint'): Promise<RoomRun> {
	const { server, stop } = await startBenchServer('bench-room');
	const peakRss = sampleRss(server);
	let phones: Phone[] = [];
	try {
		const room = await openRoom(server.url);
		const items = await questionnaireItems(server.url);
		const projector = await followScreen(room.facilitator, `/present/${room.sessionId}`);
		const controlView = await followScreen(room.facilitator, room.controlPath);
		phones = await joinPhones(server.url, room.joinCode, n);
		const participantPageJs = await pageScripts(phones[0]!.client, `/j/${room.joinCode}`);
		const participantPaintsMs = await largestPaintMs(phones[0]!.client, `/j/${room.joinCode}`);
		const stageChanges: Reach[] = [];
		// The default plan's sixth stage is the questionnaire.
		for (let stage = 1; stage < 6; stage++) stageChanges.push(await click(room, phones, 'next'));
		stageChanges.push(await click(room, phones, 'openActivity'));

		const clients = phones.map((phone) => phone.client);
		const stopProbe = startStallProbe(server.url);
		const answering = answerAll(clients, room.joinCode, items, paced, via);
		// Meanwhile the facilitator starts a countdown, and stops it: every phone reloads twice.
		await sleep(10_000);
		const meanwhile = [await click(room, phones, 'timer', { minutes: '5' })];
		await sleep(10_000);
		meanwhile.push(await click(room, phones, 'stopTimer'));
		stageChanges.push(...meanwhile);
		const pacedResult = await answering;
		const quiet = (at: number) => meanwhile.every((c) => at < c.startedAt || at > c.startedAt + c.reloadAllMs);
		const quietLatencies = pacedResult.latencies.filter((_, i) => quiet(pacedResult.sentAt[i] as number));
		const projectorLagMs = await projectorLag(projector, pacedResult.lastAckAt, pacedResult.completePhones);
		const stored = storedAnswers(server, room.sessionId);

		// Everything the server does meanwhile counts: the answers, and the streams, projector and
		// control view that follow them.
		const cpu = measureCpu(server.child.pid);
		const flatOutResult = await answerAll(clients, room.joinCode, items, flatOut, via);
		const serverCpuMs = cpu();
		const stallProbe = stopProbe();
		stageChanges.push(await click(room, phones, 'closeActivity'));
		stageChanges.push(await click(room, phones, 'next'));
		const reveal = await click(room, phones, 'reveal');
		projector.stream.close();
		controlView.stream.close();
		return {
			items,
			paced: pacedResult,
			flatOut: flatOutResult,
			flatOutPerSecond: answersPerSecond(flatOutResult),
			serverCpuMsPerAnswer: serverCpuMs / flatOutResult.acknowledged,
			stored,
			projectorLagMs,
			peakRssMb: peakRss(),
			stageChanges,
			reveal,
			quietLatencies,
			stallProbe,
			participantPageJs,
			participantPaintsMs
		};
	} finally {
		peakRss();
		hangUp(phones);
		await stop();
	}
}
