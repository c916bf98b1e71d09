const window = 10 * 60 * 1000;

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
