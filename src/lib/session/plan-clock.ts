/** One stage of a running session's plan, with the minutes its format gives it. */
export interface ClockStage {
	position: number;
	skipped: boolean;
	planned: number;
}

export interface PlanClock {
	/** Minutes since the current stage started, and planned for it. */
	stageElapsed: number;
	stagePlanned: number;
	/** Minutes since the session opened, and planned for all its stages that are not skipped. */
	sessionElapsed: number;
	sessionPlanned: number;
	/** Minutes behind the plan (negative: ahead): late starts and overruns, not a stage's spare time. */
	drift: number;
}

const minutes = (ms: number) => Math.max(0, ms) / 60_000;

/** Where a running session stands against its plan at `now`. */
export function planClock(
	plan: readonly ClockStage[],
	current: number,
	times: { openedAt: number; stageStartedAt: number; now: number }
): PlanClock {
	const active = plan.filter((stage) => !stage.skipped);
	const before = active.filter((stage) => stage.position < current).reduce((sum, stage) => sum + stage.planned, 0);
	const stagePlanned = active.find((stage) => stage.position === current)?.planned ?? 0;
	const stageElapsed = minutes(times.now - times.stageStartedAt);
	const sessionElapsed = minutes(times.now - times.openedAt);
	const expected = before + Math.min(stageElapsed, stagePlanned);
	return {
		stageElapsed,
		stagePlanned,
		sessionElapsed,
		sessionPlanned: active.reduce((sum, stage) => sum + stage.planned, 0),
		drift: sessionElapsed - expected
	};
}
