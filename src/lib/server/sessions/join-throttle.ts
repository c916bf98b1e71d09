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

// New participants are keyed per session (never per address alone, so a venue's thousand phones
// behind one public address are never blocked): a session takes at most 5,000, and one address at
// most 2,000 new ones per session in 10 minutes, so a script from one address cannot fill it.
export const maxParticipantsPerSession = 5000;
export const maxJoinsPerAddress = 2000;
const joins = new Map<string, { since: number; count: number }>();

/** Why a new participant may not join now ('full' or 'tooMany'), or null when they may. */
export function joinRefusal(
	sessionId: number,
	address: string,
	participantCount: number,
	now = Date.now()
): 'full' | 'tooMany' | null {
	if (participantCount >= maxParticipantsPerSession) return 'full';
	const entry = joins.get(`${sessionId} ${address}`);
	return entry && entry.since > now - window && entry.count >= maxJoinsPerAddress ? 'tooMany' : null;
}

/** Counts a new participant of a session from an address. */
export function noteJoin(sessionId: number, address: string, now = Date.now()): void {
	if (joins.size > 10_000) {
		for (const [key, entry] of joins) if (entry.since <= now - window) joins.delete(key);
	}
	const key = `${sessionId} ${address}`;
	const entry = joins.get(key);
	if (entry && entry.since > now - window) entry.count++;
	else joins.set(key, { since: now, count: 1 });
}
