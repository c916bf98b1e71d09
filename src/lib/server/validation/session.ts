import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import { sessionFormats } from '$lib/framework/types';
import { projectorThemes } from '$lib/session/projector-theme';
import { readable, requiredText } from './form';

// valibot runs every check of a pipe even after one failed, so this one meets any string too.
function isCalendarDay(value: string): boolean {
	const time = Date.parse(`${value}T00:00:00Z`);
	return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
}

/** A day typed as YYYY-MM-DD that exists (no 31 February). */
export const calendarDay = v.pipe(
	v.string(() => m.session_error_date()),
	v.isoDate(() => m.session_error_date()),
	v.check(isCalendarDay, () => m.session_error_date())
);

const positiveInt = v.pipe(
	v.string(() => m.error_invalid_form()),
	v.regex(/^\d{1,9}$/, () => m.error_invalid_form()),
	v.transform(Number)
);

export const sessionFields = v.object({
	title: requiredText(
		120,
		() => m.session_error_title(),
		() => m.session_error_title_too_long()
	),
	heldOn: calendarDay,
	settleDays: v.pipe(
		v.optional(v.string(), '7'),
		v.regex(/^\d{1,2}$/, () => m.session_error_settle_days()),
		v.transform(Number),
		v.maxValue(60, () => m.session_error_settle_days())
	),
	format: v.optional(
		v.picklist(sessionFormats, () => m.session_error_format()),
		'full'
	)
});

export const projectorTheme = v.object({
	theme: v.picklist(projectorThemes, () => m.error_invalid_form())
});

export const recall = v.object({
	recalled: v.optional(
		v.picklist(['on', 'off'], () => m.error_invalid_form()),
		'off'
	)
});

export const planStage = v.object({
	position: positiveInt,
	skipped: v.optional(v.literal('on')),
	levels: v.pipe(
		v.optional(v.union([v.string(), v.array(v.string())]), []),
		v.transform((value) => (Array.isArray(value) ? value : [value]))
	)
});

export const timer = v.object({
	minutes: v.pipe(
		v.string(() => m.session_error_timer()),
		v.regex(/^\d{1,3}$/, () => m.session_error_timer()),
		v.transform(Number),
		v.minValue(1, () => m.session_error_timer()),
		v.maxValue(120, () => m.session_error_timer())
	)
});

export const cardRef = v.object({ cardId: positiveInt });

/** A stage move says from which stage it was asked, so a double click or two facilitators move once. */
export const stageMove = v.object({ from: v.optional(positiveInt) });

export const commitment = v.object({
	text: requiredText(
		300,
		() => m.commitment_error_text(),
		() => m.commitment_error_text()
	),
	owner: v.pipe(
		v.optional(v.string(), ''),
		v.trim(),
		v.maxLength(80, () => m.commitment_error_owner()),
		readable()
	),
	dueOn: v.pipe(
		v.optional(v.string(), ''),
		v.trim(),
		v.union([v.literal(''), calendarDay], () => m.session_error_date()),
		v.transform((value) => value || null)
	)
});

export const commitmentRef = v.object({ commitmentId: positiveInt });

export const commitmentReview = v.object({
	commitmentId: positiveInt,
	status: v.picklist(['done', 'carried', 'dropped'], () => m.error_invalid_form())
});
