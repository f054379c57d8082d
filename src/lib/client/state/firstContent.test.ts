import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

describe('work that waits for the first content', () => {
	beforeEach(() => {
		vi.resetModules();
		vi.useFakeTimers();
		// After the paint: the frame and the idle moment come as timers here.
		vi.stubGlobal('requestAnimationFrame', (run: () => void) => setTimeout(run, 16));
		vi.stubGlobal('requestIdleCallback', (run: () => void) => setTimeout(run, 1));
	});
	afterEach(() => {
		vi.useRealTimers();
		vi.unstubAllGlobals();
	});

	it('starts once the page has shown its content, not before, and once only', async () => {
		const { afterFirstContent, markFirstContentShown } = await import('./firstContent');
		const work = vi.fn();
		afterFirstContent(work, 3000);
		await vi.advanceTimersByTimeAsync(500);
		expect(work).not.toHaveBeenCalled();
		markFirstContentShown();
		await vi.advanceTimersByTimeAsync(50);
		expect(work).toHaveBeenCalledTimes(1);
		await vi.advanceTimersByTimeAsync(5000);
		expect(work).toHaveBeenCalledTimes(1);
	});

	it('starts anyway after the longest wait on a page that never marks', async () => {
		const { afterFirstContent } = await import('./firstContent');
		const work = vi.fn();
		afterFirstContent(work, 3000);
		await vi.advanceTimersByTimeAsync(2900);
		expect(work).not.toHaveBeenCalled();
		await vi.advanceTimersByTimeAsync(200);
		expect(work).toHaveBeenCalledTimes(1);
	});

	it('starts at once after the paint when the content showed before', async () => {
		const { afterFirstContent, markFirstContentShown } = await import('./firstContent');
		markFirstContentShown();
		const work = vi.fn();
		afterFirstContent(work, 3000);
		await vi.advanceTimersByTimeAsync(50);
		expect(work).toHaveBeenCalledTimes(1);
	});
});
