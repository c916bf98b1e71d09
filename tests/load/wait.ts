// Bounded waiting: nothing in the benchmark waits for ever.

/** Resolves after some milliseconds. */
export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits until a condition holds, checking every 20 ms; false when the time is up. */
export async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) return false;
		await sleep(20);
	}
	return true;
}
