// Many open live streams on one session: the server's memory with them open, and how long one
// stage change takes to reach all of them. Streams are opened as the participant page opens
// them (no reload here: this measures the fan-out alone).
import { Client } from '../support/http-client';
import { control, openRoom } from '../support/room';
import { startBenchServer } from './cleanup';
import { timeStateChange, type Reach } from './fan-out';
import { hangUp, inParallel, watch, type Watcher } from './phones';
import { sleep } from './wait';

export interface StreamRun {
	streams: number;
	opened: number;
	idleRssMb: number;
	/** Resident memory with every stream open, after a short settle, and its peak meanwhile. */
	rssMb: number;
	peakRssMb: number;
	stageChanges: Reach[];
}

/** Opens count streams on one session and moves its stage a few times. */
export async function runStreams(count: number, changes = 5): Promise<StreamRun> {
	const { server, stop } = await startBenchServer('bench-streams');
	let watchers: Watcher[] = [];
	let sampler: ReturnType<typeof setInterval> | undefined;
	try {
		const room = await openRoom(server.url);
		await sleep(1000);
		const idleRssMb = server.rssMb();
		let peakRssMb = idleRssMb;
		sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, server.rssMb())), 100);
		const path = `/j/${room.joinCode}/events`;
		watchers = await inParallel(
			Array.from({ length: count }, (_, i) => i),
			200,
			async () => {
				const watcher = watch(new Client(server.url), path);
				await watcher.stream.opened;
				return watcher;
			}
		);
		await sleep(2000);
		const opened = watchers.filter((w) => w.seenAt.size > 0).length;
		const rssMb = server.rssMb();
		const stageChanges: Reach[] = [];
		for (let i = 0; i < changes; i++) {
			stageChanges.push(await timeStateChange(watchers, () => control(room, 'next'), { reloads: false }));
			await sleep(500);
		}
		clearInterval(sampler);
		return { streams: count, opened, idleRssMb, rssMb, peakRssMb: Math.max(peakRssMb, rssMb), stageChanges };
	} finally {
		clearInterval(sampler);
		hangUp(watchers);
		await stop();
	}
}
