/** The nine default activities a stage can run. */
export const activities = [
	'checkin',
	'connect',
	'frame',
	'questionnaire',
	'cards',
	'reveal',
	'feedback',
	'settle'
] as const;
export type Activity = (typeof activities)[number];

/** The ways to run a session: the full format (the stages' own durations) and two shorter ones. */
export const sessionFormats = ['full', 'twoHours', 'ninetyMinutes'] as const;
export type SessionFormat = (typeof sessionFormats)[number];
export type ShortFormat = Exclude<SessionFormat, 'full'>;

export interface Level {
	id: string;
	label: string;
	/** What the level is about, in the words of a questionnaire screen ("moi", "notre groupe"). */
	lens?: string;
	description: string;
}

export interface Pole {
	label: string;
	/** One statement per level id, rated 0–4 by a participant. */
	prompts: Record<string, string>;
}

export interface Principle {
	id: string;
	order: number;
	title: string;
	summary: string;
	source: string;
	poleA: Pole;
	poleB: Pole;
}

export interface Stage {
	id: string;
	order: number;
	title: string;
	activity: Activity;
	/** Levels asked by a questionnaire stage; empty for other activities. */
	levels: string[];
	purpose: string;
	participantPrompt: string;
	/** A question for people to talk over in pairs, shown on the phone beside the stage's prompt. */
	conversation?: string;
	/** Minutes in the full format. */
	duration: number;
	/** Minutes in each short format; 0 means the stage is skipped in that format. */
	formats: Record<ShortFormat, number>;
	/** How and why the stage is shortened or skipped in the short formats. */
	shortened: string;
}

export interface Framework {
	locale: string;
	title: string;
	summary: string;
	instrumentVersion: number;
	levels: Level[];
	/** Labels of the ratings 0 to 4. */
	scale: string[];
	cantSay: string;
	principles: Principle[];
	stages: Stage[];
}

/** One content file: its path under the project and its parsed front matter. */
export interface ContentFile {
	path: string;
	metadata: unknown;
}
