/** A message of messages/*.json: a text, or the message format's plural forms. */
type Message = string | { match: Record<string, string> }[];

/**
 * Every text of a message catalogue: a plain message under its key, each plural form of a
 * plural message under `key#form` (e.g. `control_joined#countPlural=other`).
 */
export function catalogueTexts(messages: Record<string, unknown>): Record<string, string> {
	return Object.fromEntries(
		Object.entries(messages as Record<string, Message>).flatMap(([key, message]) =>
			typeof message === 'string'
				? [[key, message]]
				: Object.entries(message[0]?.match ?? {}).map(([form, text]) => [`${key}#${form}`, text])
		)
	);
}
