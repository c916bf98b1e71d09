// The figures of a whole benchmark: medians over the runs, totals for what must not be lost.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import type { RoomRun } from './answer-scenario';
import type { BaselineResult } from './baseline-scenario';
import { answersPerSecond } from './answer-workload';
import { addCounts, latency, median, round } from './stats';
import type { StreamRun } from './stream-scenario';

export interface Run {
	room: RoomRun;
	baseline: BaselineResult;
}

const medianOf = <T>(items: readonly T[], pick: (item: T) => number) => round(median(items.map(pick)));

/** The machine the figures come from. */
export function machine() {
	return {
		cores: os.cpus().length,
		cpu: os.cpus()[0]?.model ?? 'unknown',
		memoryGb: round(os.totalmem() / 1024 ** 3),
		node: process.version,
		os: `${os.type()} ${os.release()}`,
		openFilesLimit: execFileSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).trim()
	};
}

/** Every figure the report and the JSON file carry. */
export function summarise(participants: number, runs: Run[], streams: StreamRun | null) {
	const rooms = runs.map((run) => run.room);
	const paced = rooms.map((room) => latency(room.paced.latencies));
	const flat = rooms.map((room) => latency(room.flatOut.latencies));
	const changes = rooms.flatMap((room) => room.stageChanges);
	return {
		participants,
		runs: runs.length,
		answersPerSecond: medianOf(rooms, (room) => room.flatOutPerSecond),
		pacedAnswersPerSecond: medianOf(rooms, (room) => answersPerSecond(room.paced)),
		serverCpuMsPerAnswer: Math.round(median(rooms.map((room) => room.serverCpuMsPerAnswer)) * 1000) / 1000,
		baselineCpuMsPerAnswer: Math.round(median(runs.map((run) => run.baseline.cpuMsPerAnswer)) * 1000) / 1000,
		/** The slowest answer of all runs (a send that got no response counts its 30 s). */
		worstLatencyMs: {
			paced: round(Math.max(...rooms.map((room) => Math.max(...room.paced.latencies)))),
			flatOut: round(Math.max(...rooms.map((room) => Math.max(...room.flatOut.latencies))))
		},
		/** While the phones answered: the server's slowest health check, the generator's worst lag (all runs). */
		stallProbe: {
			serverWorstMs: round(Math.max(...rooms.map((room) => room.stallProbe.serverWorstMs))),
			serverSlow: rooms.reduce((sum, room) => sum + room.stallProbe.serverSlow, 0),
			generatorWorstLagMs: round(Math.max(...rooms.map((room) => room.stallProbe.generatorWorstLagMs)))
		},
		/** Sends that got no response within 30 s (stalls), all runs, both passes. */
		stalls: rooms.reduce((sum, room) => sum + (room.paced.errors.timeout ?? 0) + (room.flatOut.errors.timeout ?? 0), 0),
		latencyMs: {
			p50: medianOf(paced, (l) => l.p50),
			p95: medianOf(paced, (l) => l.p95),
			p99: medianOf(paced, (l) => l.p99)
		},
		quietLatencyP95Ms: medianOf(rooms, (room) => latency(room.quietLatencies).p95),
		flatOutLatencyMs: {
			p50: medianOf(flat, (l) => l.p50),
			p95: medianOf(flat, (l) => l.p95),
			p99: medianOf(flat, (l) => l.p99)
		},
		errors: addCounts(...rooms.flatMap((room) => [room.paced.errors, room.flatOut.errors])),
		pacedErrors: addCounts(...rooms.map((room) => room.paced.errors)),
		acknowledged: rooms.reduce((sum, room) => sum + room.paced.acknowledged, 0),
		stored: rooms.reduce((sum, room) => sum + room.stored, 0),
		projectorLagMs: medianOf(rooms, (room) => room.projectorLagMs),
		peakRssMb: round(Math.max(...rooms.map((room) => room.peakRssMb))),
		baselineAnswersPerSecond: medianOf(runs, (run) => run.baseline.answersPerSecond),
		baselineRatio:
			Math.round(median(runs.map((run) => run.room.flatOutPerSecond / run.baseline.answersPerSecond)) * 100) / 100,
		stageChangeMs: {
			changes: changes.length,
			eventMedian: medianOf(changes, (c) => c.eventMedianMs),
			eventAll: medianOf(changes, (c) => c.eventAllMs),
			reloadAll: medianOf(changes, (c) => c.reloadAllMs),
			worstReloadAll: round(Math.max(...changes.map((c) => c.reloadAllMs))),
			missed: changes.reduce((sum, c) => sum + c.missed, 0)
		},
		participantPageJs: rooms[0]!.participantPageJs,
		participantLcpMs: round(median(rooms.flatMap((room) => room.participantPaintsMs))),
		revealReloadAllMs: medianOf(rooms, (room) => room.reveal.reloadAllMs),
		streams: streams && {
			count: streams.streams,
			opened: streams.opened,
			idleRssMb: round(streams.idleRssMb),
			rssMb: round(streams.rssMb),
			peakRssMb: round(streams.peakRssMb),
			stageChangeAllMs: medianOf(streams.stageChanges, (c) => c.eventAllMs),
			stageChangeMedianMs: medianOf(streams.stageChanges, (c) => c.eventMedianMs),
			missed: streams.stageChanges.reduce((sum, c) => sum + c.missed, 0)
		},
		perRun: runs.map((run) => ({
			answersPerSecond: round(run.room.flatOutPerSecond),
			baselineAnswersPerSecond: round(run.baseline.answersPerSecond),
			latencyP95Ms: round(latency(run.room.paced.latencies).p95),
			serverCpuMsPerAnswer: Math.round(run.room.serverCpuMsPerAnswer * 1000) / 1000,
			projectorLagMs: round(run.room.projectorLagMs),
			peakRssMb: round(run.room.peakRssMb)
		}))
	};
}

export type Figures = ReturnType<typeof summarise>;
