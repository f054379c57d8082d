/**
 * Lets at most a few requests start per turn of the event loop; the others wait, in order of
 * arrival, for the next turns.
 *
 * Why: Node accepts one new connection per turn of its event loop. When the server is saturated
 * (hundreds of tablets syncing after the Wi-Fi came back), one turn would otherwise run every
 * request that arrived since the last, taking a large fraction of a second, and a tablet that opens
 * a new connection waited many seconds before it was even let in. Short turns let new connections
 * in at once; the work done per second stays the same.
 */
export function createRequestTurns(perTurn: number): () => Promise<void> | undefined {
	let left = perTurn;
	let refillScheduled = false;
	const waiting: (() => void)[] = [];

	// setImmediate runs in the check phase of this turn; one scheduled from there runs in the next.
	const refill = () => {
		left = perTurn;
		while (left > 0 && waiting.length > 0) {
			left -= 1;
			waiting.shift()!();
		}
		refillScheduled = waiting.length > 0;
		if (refillScheduled) setImmediate(refill);
	};

	return () => {
		if (!refillScheduled) {
			refillScheduled = true;
			setImmediate(refill);
		}
		if (left > 0 && waiting.length === 0) {
			left -= 1;
			return undefined;
		}
		return new Promise<void>((resolve) => waiting.push(resolve));
	};
}
