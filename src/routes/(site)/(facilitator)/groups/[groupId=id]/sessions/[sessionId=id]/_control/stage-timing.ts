import { plannedMinutes } from '$lib/framework/formats';
import type { SessionFormat, Stage } from '$lib/framework/types';

/** A stage's title and its minutes in the session's format (its full duration if restored after a format skipped it). */
export function stageTiming(stage: Stage | undefined, format: SessionFormat) {
	if (!stage) return { title: '', planned: 0, shortenedBy: null };
	const planned = plannedMinutes(stage, format);
	return {
		title: stage.title,
		planned: planned || stage.duration,
		// Why the format shortens or skips this stage, shown beside it in the plan.
		shortenedBy: planned < stage.duration ? { minutes: planned, why: stage.shortened } : null
	};
}
