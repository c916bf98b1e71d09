import type { Activity, Framework } from '$lib/framework/types';

/** One stage as a session runs it: the facilitator may skip it or change a questionnaire's levels. */
export interface PlanStage {
	position: number;
	stageId: string;
	activity: Activity;
	skipped: boolean;
	levels: string[];
}

/** The default plan: the framework's stages in order, each with its default levels. */
export function defaultPlan(framework: Framework): PlanStage[] {
	return framework.stages.map((stage, index) => ({
		position: index + 1,
		stageId: stage.id,
		activity: stage.activity,
		skipped: false,
		levels: [...stage.levels]
	}));
}

/** The next (or previous) stage that is not skipped, or null at either end. */
export function stepPosition(plan: PlanStage[], from: number, direction: 1 | -1): number | null {
	const ordered = direction === 1 ? plan : [...plan].reverse();
	const found = ordered.find(
		(stage) => !stage.skipped && (direction === 1 ? stage.position > from : stage.position < from)
	);
	return found?.position ?? null;
}

/** One questionnaire screen: a principle at a level. */
export interface QuestionnaireItem {
	level: string;
	principleId: string;
}

/** The screens of a questionnaire stage: every principle at its first level, then at the next. */
export function questionnaireItems(levels: string[], principleIds: string[]): QuestionnaireItem[] {
	return levels.flatMap((level) => principleIds.map((principleId) => ({ level, principleId })));
}
