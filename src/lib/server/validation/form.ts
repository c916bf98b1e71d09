import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';

/** The posted values of a form's fields, to echo back after a failure. */
export type FormValues<S extends v.GenericSchema> = Partial<Record<Extract<keyof v.InferInput<S>, string>, string>>;

export type FormResult<S extends v.GenericSchema> =
	{ success: true; data: v.InferOutput<S> } | { success: false; message: string; values: FormValues<S> };

const secretFields = ['password', 'passwordConfirm'];

/**
 * Validates a posted form against a schema. On failure, gives the first issue's message and
 * the values to echo back into the form (never a password).
 */
export function parseForm<S extends v.GenericSchema>(schema: S, form: FormData): FormResult<S> {
	const raw: Record<string, unknown> = {};
	const values: Record<string, string> = {};
	for (const [key, value] of form) {
		// A field sent several times (checkboxes) becomes a list.
		const previous = raw[key];
		raw[key] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
		if (typeof value === 'string' && !secretFields.includes(key)) values[key] = value.slice(0, 2000);
	}
	const result = v.safeParse(schema, raw);
	if (result.success) return { success: true, data: result.output };
	return {
		success: false,
		message: result.issues[0]?.message ?? m.error_invalid_form(),
		values: values as FormValues<S>
	};
}

/** A required single-line text field, trimmed, with a length limit. */
export function requiredText(max: number, required: () => string, tooLong: () => string) {
	return v.pipe(v.string(required), v.trim(), v.nonEmpty(required), v.maxLength(max, tooLong));
}

/** An optional text field, trimmed, empty when absent. */
export function optionalText(max: number, tooLong: () => string) {
	return v.pipe(v.optional(v.string(), ''), v.trim(), v.maxLength(max, tooLong));
}
