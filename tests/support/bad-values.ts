// fast-check arbitraries for what people (and scripts) post that a form never asked for: each
// one is refused by the field it is aimed at, whatever the rest of the form holds.
import fc from 'fast-check';

/** What a form field can carry: text, a file, the same field sent twice, or nothing at all. */
export type FieldValue = string | File | string[] | undefined;

/** Characters that no one types: control characters, lone surrogates, the replacement character. */
export const unreadableChar = fc.constantFrom('\u0000', '\u0007', '\u001b', '\u007f', '\ud800', '\udfff', '\ufffd');

/** Text that holds at least one unreadable character somewhere among readable ones. */
export const unreadableText = fc
	.tuple(fc.string({ maxLength: 20 }), unreadableChar, fc.string({ maxLength: 20 }))
	.map(([before, bad, after]) => `x${before}${bad}${after}x`);

/** Text longer than `max` characters even once trimmed; now and then far longer (up to 1 MB). */
export function tooLong(max: number): fc.Arbitrary<string> {
	return fc
		.tuple(fc.constantFrom(1, 2, 50, 1_000_000 / (max + 1)), fc.constantFrom('a', 'é', '\u{1F331}', 'x y'))
		.map(([times, unit]) => unit.repeat(Math.ceil(((max + 1) * times) / unit.length)))
		.map((text) => (text.trim().length > max ? text : `${text}z`));
}

/** A file where text was expected. */
export const fileValue = fc
	.tuple(fc.string({ maxLength: 40 }), fc.constantFrom('text/plain', 'application/octet-stream', 'image/png'))
	.map(([content, type]) => new File([content], 'upload.bin', { type }));

/** Wrong types for any text field: a file, or the field sent twice. */
export function wrongType(valid: string): fc.Arbitrary<FieldValue> {
	return fc.oneof(
		fileValue,
		fc.string({ maxLength: 10 }).map((other) => [valid, other]),
		fc.constant<string[]>([valid, valid])
	);
}

/** Any text, from the empty string to full Unicode with odd characters, except the allowed ones. */
export function textOutside(allowed: readonly string[]): fc.Arbitrary<string> {
	return fc
		.oneof(
			fc.string({ maxLength: 30 }),
			fc.string({ unit: 'binary', maxLength: 30 }),
			unreadableText,
			fc.constantFrom('', ' ', 'null', 'undefined', 'true', '[]', '{}', 'NaN', 'Infinity', '-0', '1e9', '0x10'),
			...allowed.map((value) => fc.constantFrom(` ${value}`, `${value} `, value.toUpperCase() + '\u0000'))
		)
		.filter((text) => !allowed.includes(text));
}

/** Numbers that a bounded numeric field refuses: out of range, negative, fractional, or huge. */
export function numberOutside(min: number, max: number): fc.Arbitrary<string> {
	return fc.oneof(
		fc.integer({ min: -1_000_000, max: min - 1 }).map(String),
		fc.integer({ min: max + 1, max: max + 1_000_000 }).map(String),
		fc
			.double({ noNaN: true })
			.filter((n) => !Number.isInteger(n) || n < min || n > max)
			.map(String),
		fc.bigInt({ min: 10n ** 16n, max: 10n ** 40n }).map(String)
	);
}

/** Identifiers that name nothing: malformed ones, and well-formed ones that no row has. */
export const unknownId = fc.oneof(
	fc.integer({ min: 1_000_000, max: 2_000_000_000 }).map(String),
	fc.constantFrom('-1', '1.5', '1e3', ' 1', '0x1', '', '9'.repeat(16), '9'.repeat(400)),
	textOutside([]).filter((text) => !/^\d{1,6}$/.test(text))
);
