import { describe, expect, it } from 'vitest';
import { addCounts, latency, median, percentile, round } from '../load/stats';

describe("the benchmark's statistics", () => {
	it('takes percentiles by nearest rank, whatever the order of the samples', () => {
		const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
		expect(percentile(samples, 50)).toBe(50);
		expect(percentile(samples, 95)).toBe(95);
		expect(percentile(samples, 99)).toBe(99);
		expect(percentile(samples, 100)).toBe(100);
		expect(percentile(samples, 0)).toBe(1);
		expect(percentile([7], 95)).toBe(7);
	});

	it('gives the middle sample, or the mean of the two middle ones', () => {
		expect(median([3, 1, 2])).toBe(2);
		expect(median([4, 1, 3, 2])).toBe(2.5);
		expect(median([])).toBeNaN();
		expect(percentile([], 50)).toBeNaN();
	});

	it('leaves the samples it was given in their order', () => {
		const samples = [3, 1, 2];
		median(samples);
		percentile(samples, 50);
		expect(samples).toEqual([3, 1, 2]);
	});

	it('summarises latencies and adds errors by status', () => {
		expect(latency([10, 20, 30, 40])).toEqual({ p50: 20, p95: 40, p99: 40, max: 40 });
		expect(addCounts({ '409': 1 }, { '409': 2, timeout: 1 })).toEqual({ '409': 3, timeout: 1 });
		expect(round(12.345)).toBe(12.3);
		expect(round(1234.5)).toBe(1235);
	});
});
