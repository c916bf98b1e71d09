import type { SessionFormat, ShortFormat, Stage } from './types';

/** The most minutes each short format may plan; the full format is the sum of the stages' durations. */
export const formatBudgets: Record<ShortFormat, number> = { twoHours: 120, ninetyMinutes: 90 };

/** Minutes planned for a stage in a format; 0 when the format skips it. */
export function plannedMinutes(stage: Stage, format: SessionFormat): number {
	return format === 'full' ? stage.duration : stage.formats[format];
}

/** Minutes planned for a whole session in a format. */
export function plannedTotal(stages: readonly Stage[], format: SessionFormat): number {
	return stages.reduce((total, stage) => total + plannedMinutes(stage, format), 0);
}

/** Whether a format skips a stage. */
export function isSkipped(stage: Stage, format: SessionFormat): boolean {
	return plannedMinutes(stage, format) === 0;
}
