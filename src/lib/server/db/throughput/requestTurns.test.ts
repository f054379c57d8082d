import { describe, expect, it } from 'vitest';
import { createRequestTurns } from './requestTurns';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('request turns', () => {
	it('starts a few requests per turn of the event loop and the others in order of arrival', async () => {
		const takeTurn = createRequestTurns(3);
		const started: number[][] = [[]];
		const requests = Array.from({ length: 8 }, async (_, i) => {
			await takeTurn();
			started.at(-1)!.push(i);
		});
		for (let turn = 0; turn < 4; turn++) {
			await nextTurn();
			started.push([]);
		}
		await Promise.all(requests);
		// Three at once, three more as this turn ends (its check phase), the rest as the next one ends.
		expect(started.filter((turn) => turn.length > 0)).toEqual([
			[0, 1, 2, 3, 4, 5],
			[6, 7]
		]);
	});

	it('starts a request at once when the server is quiet', async () => {
		const takeTurn = createRequestTurns(3);
		expect(takeTurn()).toBeUndefined();
		await nextTurn();
		await nextTurn();
		expect(takeTurn()).toBeUndefined();
	});
});
