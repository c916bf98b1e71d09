import { addressKey } from './window-counter';

// How many participants of a session joined from each address, in this process's memory: a
// room's allowance for cards and feedback grows with the phones it has, so that a venue of a
// thousand behind one address sends what it ordinarily would, while one client that drops its
// cookie and joins again gains little. Participants who joined before this process saw the
// session (a restart) count for every address, which errs on the generous side.
const joined = new Map<string, number>();
const before = new Map<number, number>();
const maxKeys = 50_000;

function baseline(sessionId: number, participantsNow: () => number): number {
	let count = before.get(sessionId);
	if (count === undefined) {
		count = participantsNow();
		before.set(sessionId, count);
	}
	return count;
}

/** Counts a new participant of a session from an address (call before creating it). */
export function noteParticipantFrom(sessionId: number, address: string, participantsNow: () => number): void {
	baseline(sessionId, participantsNow);
	if (joined.size > maxKeys) joined.clear();
	const key = `${sessionId} ${addressKey(address)}`;
	joined.set(key, (joined.get(key) ?? 0) + 1);
}

/** How many participants of a session count as coming from an address. */
export function participantsFrom(sessionId: number, address: string, participantsNow: () => number): number {
	return baseline(sessionId, participantsNow) + (joined.get(`${sessionId} ${addressKey(address)}`) ?? 0);
}
