// Wrong join codes per address: a room of a thousand behind one venue address types the right
// code, so only mistakes count, and a brute force of 31⁶ codes gets nowhere at this pace.
const maxWrongTries = 100;
const window = 10 * 60 * 1000;
const wrongTries = new Map<string, number[]>();

/** Whether an address may try another join code now. */
export function mayTryJoinCode(address: string, now = Date.now()): boolean {
	const recent = (wrongTries.get(address) ?? []).filter((at) => at > now - window);
	if (recent.length === 0) wrongTries.delete(address);
	else wrongTries.set(address, recent);
	return recent.length < maxWrongTries;
}

/** Counts a wrong join code from an address. */
export function noteWrongJoinCode(address: string, now = Date.now()): void {
	const list = wrongTries.get(address) ?? [];
	list.push(now);
	wrongTries.set(address, list);
}
