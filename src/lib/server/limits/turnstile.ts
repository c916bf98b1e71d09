/**
 * Lets at most `limit` pieces of work run at once; the others wait their turn, in order, costing
 * nothing while they wait. A slot is handed to the next in line as soon as one is done, whether
 * the work succeeded or threw.
 */
export function turnstile(limit: number): <T>(work: () => Promise<T>) => Promise<T> {
	let running = 0;
	const waiting: (() => void)[] = [];
	return async (work) => {
		if (running < limit) running++;
		else await new Promise<void>((resolve) => waiting.push(resolve));
		try {
			return await work();
		} finally {
			const next = waiting.shift();
			if (next) next();
			else running--;
		}
	};
}
