// Plain statistics over samples, for the benchmark's figures. Pure: the unit tests import it.

/** The p-th percentile (0–100) by the nearest-rank method; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
	if (samples.length === 0) return NaN;
	const sorted = [...samples].sort((a, b) => a - b);
	const rank = Math.ceil((Math.min(Math.max(p, 0), 100) / 100) * sorted.length);
	return sorted[Math.max(rank, 1) - 1] as number;
}

/** The median: the middle sample, or the mean of the two middle ones; NaN for no samples. */
export function median(samples: readonly number[]): number {
	if (samples.length === 0) return NaN;
	const sorted = [...samples].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1
		? (sorted[middle] as number)
		: ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export interface Latency {
	p50: number;
	p95: number;
	p99: number;
	max: number;
}

/** p50, p95, p99 and the maximum of some durations. */
export function latency(samples: readonly number[]): Latency {
	return {
		p50: percentile(samples, 50),
		p95: percentile(samples, 95),
		p99: percentile(samples, 99),
		max: percentile(samples, 100)
	};
}

/** Adds counts by key (errors by status over several runs). */
export function addCounts(...all: Record<string, number>[]): Record<string, number> {
	const total: Record<string, number> = {};
	for (const counts of all) for (const [key, n] of Object.entries(counts)) total[key] = (total[key] ?? 0) + n;
	return total;
}

/** Rounds for a report: whole numbers above 100, one decimal below. */
export function round(value: number): number {
	if (!Number.isFinite(value)) return value;
	return Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 10) / 10;
}
