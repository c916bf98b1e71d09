/** A message from messages/*.json: a text, or plural forms (one text per plural category). */
export type MessageSource = string | { match: Record<string, string> }[];

/** Every text a message can read as: itself, or each of its plural forms. */
export function messageTexts(message: MessageSource): string[] {
	return typeof message === 'string' ? [message] : message.flatMap((form) => Object.values(form.match));
}

/** The one text of a message, or its "other" plural form (the one with a number above one). */
export function messageText(message: MessageSource): string {
	if (typeof message === 'string') return message;
	const forms = Object.entries(message[0]?.match ?? {});
	return (forms.find(([key]) => key.endsWith('=other')) ?? forms[0])?.[1] ?? '';
}
