import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';

/** The posted values of a form's fields, to echo back after a failure. */
export type FormValues<S extends v.GenericSchema> = Partial<Record<Extract<keyof v.InferInput<S>, string>, string>>;

export type FormResult<S extends v.GenericSchema> =
	{ success: true; data: v.InferOutput<S> } | { success: false; message: string; values: FormValues<S> };

const secretFields = ['password', 'passwordConfirm'];

/**
 * The posted form, or a 400 in the user's language when the body cannot be read as one (a
 * malformed multipart body would otherwise throw and become a 500).
 */
export async function readForm(request: Request): Promise<FormData> {
	try {
		return await request.formData();
	} catch {
		throw error(400, m.error_invalid_form());
	}
}

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
	// A schema without its own message for an issue (a list or a file where text was expected)
	// still answers in the user's language, never in valibot's English.
	const result = v.safeParse(schema, raw, { message: () => m.error_invalid_form() });
	if (result.success) return { success: true, data: result.output };
	return {
		success: false,
		message: result.issues[0]?.message ?? m.error_invalid_form(),
		values: values as FormValues<S>
	};
}

// Control characters (but tab and line breaks), lone surrogates, and the replacement character
// that stands for bytes which were not UTF-8: none is something a person typed.
const unreadable = /[^\P{Cc}\t\n\r]|\p{Cs}|\uFFFD/u;

/** Refuses text that holds characters no one types (see `unreadable`). */
export function readable() {
	return v.check(
		(text: string) => !unreadable.test(text),
		() => m.error_text_unreadable()
	);
}

/** A required single-line text field, trimmed, with a length limit. */
export function requiredText(max: number, required: () => string, tooLong: () => string) {
	return v.pipe(v.string(required), v.trim(), v.nonEmpty(required), v.maxLength(max, tooLong), readable());
}

/** An optional text field, trimmed, empty when absent. */
export function optionalText(max: number, tooLong: () => string) {
	return v.pipe(v.optional(v.string(), ''), v.trim(), v.maxLength(max, tooLong), readable());
}
