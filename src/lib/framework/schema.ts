import * as v from 'valibot';
import { activities } from './types';

const text = v.pipe(v.string(), v.trim(), v.nonEmpty());
const id = v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/));
const order = v.pipe(v.number(), v.integer(), v.minValue(1));
const minutes = (least: number) => v.pipe(v.number(), v.integer(), v.minValue(least), v.maxValue(240));

export const frameworkMeta = v.object({
	title: text,
	summary: text,
	instrumentVersion: order,
	levels: v.pipe(v.array(v.object({ id, label: text, lens: v.optional(text), description: text })), v.minLength(1)),
	scale: v.pipe(v.array(text), v.length(5)),
	cantSay: text
});

const pole = v.object({ label: text, prompts: v.record(v.string(), text) });

export const principleMeta = v.object({
	id,
	order,
	title: text,
	summary: text,
	source: text,
	poleA: pole,
	poleB: pole
});

export const stageMeta = v.object({
	id,
	order,
	title: text,
	activity: v.picklist(activities),
	levels: v.optional(v.array(id), []),
	purpose: text,
	participantPrompt: text,
	conversation: v.optional(text),
	duration: minutes(1),
	formats: v.object({ twoHours: minutes(0), ninetyMinutes: minutes(0) }),
	shortened: text
});
