/**
 * Counts events per key within a sliding window, in this process's memory. An interface, so
 * that another store (shared between instances) could take its place.
 */
export interface WindowCounter {
	/** How many events a key had within the window before now. */
	count(key: string, now?: number): number;
	/** Counts one event for a key. */
	add(key: string, now?: number): void;
}

/**
 * A WindowCounter held in a Map. Events are kept as counts in 60 slices of the window, so that
 * counting costs the same however hard a key is flooded; a slice leaves the count whole.
 */
export function memoryWindowCounter(windowMs: number, { prunePast = 10_000 } = {}): WindowCounter {
	const slice = Math.max(1, Math.floor(windowMs / 60));
	const events = new Map<string, [at: number, count: number][]>();
	const recent = (key: string, now: number) => {
		const list = (events.get(key) ?? []).filter(([at]) => at + slice > now - windowMs);
		if (list.length === 0) events.delete(key);
		else events.set(key, list);
		return list;
	};
	return {
		count: (key, now = Date.now()) => recent(key, now).reduce((sum, [, count]) => sum + count, 0),
		add(key, now = Date.now()) {
			if (events.size > prunePast) for (const old of [...events.keys()]) recent(old, now);
			const list = recent(key, now);
			const at = now - (now % slice);
			const last = list.at(-1);
			if (last && last[0] === at) last[1]++;
			else list.push([at, 1]);
			events.set(key, list);
		}
	};
}

/** Counts things open now per key (live streams), each closed once. */
export interface OpenCounter {
	open(key: string): number;
	/** Opens one under every key, returning a close function, or null when one key is at its cap. */
	tryOpen(keys: { key: string; max: number }[]): (() => void) | null;
}

/** An OpenCounter in this process's memory. */
export function memoryOpenCounter(): OpenCounter {
	const open = new Map<string, number>();
	return {
		open: (key) => open.get(key) ?? 0,
		tryOpen(keys) {
			if (keys.some(({ key, max }) => (open.get(key) ?? 0) >= max)) return null;
			for (const { key } of keys) open.set(key, (open.get(key) ?? 0) + 1);
			let closed = false;
			return () => {
				if (closed) return;
				closed = true;
				for (const { key } of keys) {
					const left = (open.get(key) ?? 1) - 1;
					if (left <= 0) open.delete(key);
					else open.set(key, left);
				}
			};
		}
	};
}

/** The key of a client address for limits: an IPv6 address by its /64, which one host usually holds whole. */
export function addressKey(address: string): string {
	if (!address.includes(':') || address.startsWith('::ffff:')) return address.replace(/^::ffff:/, '');
	const full = address.split('%')[0]!;
	const [head = '', tail = ''] = full.split('::');
	const headParts = head ? head.split(':') : [];
	const tailParts = tail ? tail.split(':') : [];
	const parts = full.includes('::')
		? [...headParts, ...Array(Math.max(0, 8 - headParts.length - tailParts.length)).fill('0'), ...tailParts]
		: headParts;
	return `${parts
		.slice(0, 4)
		.map((part) => part.toLowerCase().replace(/^0+(?=.)/, ''))
		.join(':')}::/64`;
}
