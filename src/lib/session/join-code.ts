/** Letters and digits that cannot be mistaken for one another: no 0/O, no 1/I/L. */
export const joinCodeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const joinCodeLength = 6;

/** A random join code; `random` gives uniform integers below its argument. */
export function generateJoinCode(random: (below: number) => number = secureRandom): string {
	let code = '';
	for (let i = 0; i < joinCodeLength; i++) code += joinCodeAlphabet[random(joinCodeAlphabet.length)];
	return code;
}

/** A typed code made comparable: upper case, without spaces or dashes. */
export function normalizeJoinCode(input: string): string {
	return input.toUpperCase().replace(/[\s-]/g, '');
}

/** Whether a string is shaped like a join code. */
export function isJoinCode(input: string): boolean {
	return input.length === joinCodeLength && [...input].every((c) => joinCodeAlphabet.includes(c));
}

function secureRandom(below: number): number {
	// Rejection sampling keeps every symbol equally likely.
	const limit = Math.floor(256 / below) * below;
	const byte = new Uint8Array(1);
	do crypto.getRandomValues(byte);
	while ((byte[0] as number) >= limit);
	return (byte[0] as number) % below;
}
