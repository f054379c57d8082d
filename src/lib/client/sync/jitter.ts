/**
 * Half of the wait fixed, half random ("equal jitter"): tablets of one Träger that lost the server
 * together, or were switched on together, do not all come back at the same moment.
 * `random` returns a number in [0, 1), like Math.random; tests pass their own.
 */
export function withJitter(waitMs: number, random: () => number): number {
	return Math.round(waitMs / 2 + (waitMs / 2) * random());
}
