/** Polls check until it returns a truthy value, or fails after timeoutMs saying what it waited for. */
export async function waitUntil<T>(
	what: string,
	check: () => T | Promise<T>,
	{ timeoutMs = 15_000, everyMs = 50 } = {}
): Promise<NonNullable<T>> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`Gave up after ${timeoutMs} ms waiting until ${what}`);
		await new Promise((resolve) => setTimeout(resolve, everyMs));
	}
}
