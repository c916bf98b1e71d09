// The fields of each form, each with a valid value and the values it must refuse; `badForm`
// builds a form where at least one field is refused, whatever the others hold.
import fc from 'fast-check';
import {
	fileValue,
	numberOutside,
	textOutside,
	tooLong,
	unknownId,
	unreadableText,
	wrongType,
	type FieldValue
} from '../support/bad-values';
import type { World } from './bad-input-world';

export interface Field {
	valid: (world: World) => string | string[];
	bad: fc.Arbitrary<FieldValue>;
}

const missing = fc.constant(undefined);
const blank = fc.constantFrom('', ' ', '\t\n');

/** A text field of at most `max` characters, required or not. */
export function text(max: number, valid: string, { required = true } = {}): Field {
	const bad = [tooLong(max), unreadableText, wrongType(valid)];
	return { valid: () => valid, bad: fc.oneof(...bad, ...(required ? [missing, blank] : [])) };
}

/** A field that takes one of a few values; `optional` when it may be left out (or empty). */
export function choice(allowed: readonly string[], { optional = false } = {}): Field {
	const refused = optional ? [...allowed, ''] : allowed;
	const bad = [textOutside(refused), wrongType(allowed[0]!)];
	return { valid: () => allowed[0]!, bad: fc.oneof(...bad, ...(optional ? [] : [missing])) };
}

/** A field naming a row: well-formed ids that name nothing, and malformed ones. */
export function id(valid: (world: World) => string): Field {
	return { valid, bad: fc.oneof(unknownId, wrongType('1'), missing) };
}

/** A whole number between min and max. */
export function integer(min: number, max: number, valid: string, { optional = false } = {}): Field {
	const outside = fc.oneof(numberOutside(min, max), textOutside([]));
	// Anything that reads as a number in range is left out, even where the form would refuse it.
	const bad = outside.filter((value) => {
		const n = Number(value.trim());
		return !(Number.isInteger(n) && n >= min && n <= max);
	});
	return { valid: () => valid, bad: fc.oneof(bad, wrongType(valid), ...(optional ? [] : [missing])) };
}

const isoDate = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A calendar date (YYYY-MM-DD). */
export function date({ optional = false } = {}): Field {
	const bad = fc
		.oneof(textOutside([]), fc.constantFrom('2026-13-01', '2026-00-10', '26-03-21', '2026/03/21', '21/03/2026'))
		.filter((value) => !isoDate.test(value.trim()) && (!optional || value.trim() !== ''));
	return { valid: () => '2026-03-21', bad: fc.oneof(bad, wrongType('2026-03-21'), ...(optional ? [] : [missing])) };
}

/** Several values of a list (checkboxes): unknown ones and files are refused. */
export function list(allowed: readonly string[]): Field {
	return { valid: () => [allowed[0]!], bad: fc.oneof(textOutside(allowed), fileValue) };
}

function append(form: FormData, name: string, value: FieldValue): void {
	if (value === undefined) return;
	for (const one of Array.isArray(value) ? value : [value]) form.append(name, one);
}

/** A form of these fields that is valid: the control of each property. */
export function validForm(fields: Record<string, Field>, world: World): FormData {
	const form = new FormData();
	for (const [name, field] of Object.entries(fields)) append(form, name, field.valid(world));
	return form;
}

/** A form where one field (at least) holds a value it refuses, the others valid or refused too. */
export function badForm(fields: Record<string, Field>, world: World): fc.Arbitrary<FormData> {
	const names = Object.keys(fields);
	const known = new Set([...names, 'go', 'step', 'demo', 'redirectTo']);
	const junk = fc
		.array(fc.tuple(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ maxLength: 20 })), { maxLength: 2 })
		.map((pairs) => pairs.filter(([name]) => !known.has(name)));
	return fc.constantFrom(...names).chain((target) =>
		fc
			.tuple(
				fc.tuple(
					...names.map((name) =>
						name === target
							? fields[name]!.bad
							: fc.oneof({ weight: 3, arbitrary: fc.constant(fields[name]!.valid(world)) }, fields[name]!.bad)
					)
				),
				junk
			)
			.map(([values, extra]) => {
				const form = new FormData();
				names.forEach((name, index) => append(form, name, values[index]));
				for (const [name, value] of extra) form.append(name, value);
				return form;
			})
	);
}

/** Any form at all, for actions that must refuse whatever is sent (wrong person, wrong time). */
export const anyForm = fc
	.array(fc.tuple(fc.string({ maxLength: 12 }), fc.oneof(fc.string({ maxLength: 40 }), fileValue)), { maxLength: 4 })
	.map((pairs) => {
		const form = new FormData();
		for (const [name, value] of pairs) form.append(name, value);
		return form;
	});

/** A short account of a form, for the label of a counterexample. */
export function summary(form: FormData): string {
	const fields = [...form].map(([name, value]) =>
		typeof value === 'string' ? `${name}=${JSON.stringify(value.slice(0, 40))}(${value.length})` : `${name}=<file>`
	);
	return fields.join(' ');
}
