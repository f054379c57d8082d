import { describe, expect, it } from 'vitest';
import { withJitter } from './jitter';

/** A small deterministic random source (mulberry32), one per tablet. */
function seeded(seed: number): () => number {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

describe('retry jitter', () => {
	it('waits between half and all of the backoff', () => {
		expect(withJitter(10_000, () => 0)).toBe(5_000);
		expect(withJitter(10_000, () => 0.5)).toBe(7_500);
		expect(withJitter(10_000, () => 0.9999)).toBe(10_000);
	});

	it('spreads 200 tablets that lost the server together over the whole window', () => {
		const waits = Array.from({ length: 200 }, (_, tablet) => withJitter(5_000, seeded(tablet + 1)));
		expect(Math.min(...waits)).toBeGreaterThanOrEqual(2_500);
		expect(Math.max(...waits)).toBeLessThanOrEqual(5_000);
		// No moment of the window gets more than a handful of them: ten 250 ms slots, ~20 each.
		const slots = new Array(10).fill(0);
		for (const wait of waits) slots[Math.min(9, Math.floor((wait - 2_500) / 250))]++;
		expect(Math.max(...slots)).toBeLessThan(40);
		expect(Math.min(...slots)).toBeGreaterThan(5);
	});
});
