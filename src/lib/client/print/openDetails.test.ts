import { describe, expect, it } from 'vitest';
import { openDetailsWhilePrinting } from './openDetails';

describe('openDetailsWhilePrinting', () => {
	it('opens collapsed sections for printing and closes them again afterwards', () => {
		document.body.innerHTML = `<details id="closed"><summary>A</summary>x</details>
			<details id="open" open><summary>B</summary>y</details>`;
		const stop = openDetailsWhilePrinting(window);
		const closed = document.querySelector<HTMLDetailsElement>('#closed')!;
		const open = document.querySelector<HTMLDetailsElement>('#open')!;

		window.dispatchEvent(new Event('beforeprint'));
		expect([closed.open, open.open]).toEqual([true, true]);
		window.dispatchEvent(new Event('afterprint'));
		expect([closed.open, open.open]).toEqual([false, true]);

		stop();
		window.dispatchEvent(new Event('beforeprint'));
		expect(closed.open).toBe(false);
	});
});
