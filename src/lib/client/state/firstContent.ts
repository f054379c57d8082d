import { afterPaint } from '$lib/client/state/firstPaint';

/**
 * The moment the page the app opened on first shows its content (issue 15). The advisor's device
 * syncs her centres' records in the background; started with the app, that sync competes with the
 * first render of her portfolio or review page. Pages with data of their own mark when it shows;
 * work that can wait waits for it.
 */
let markShown: () => void = () => undefined;
const shown = new Promise<void>((resolve) => (markShown = resolve));

/** The page's own content is on screen (called once it has rendered; later calls do nothing). */
export function markFirstContentShown(): void {
	markShown();
}

/**
 * Runs `work` once the first content has been painted, or after `maxWaitMs` on pages that never
 * mark (or when loading fails), so the deferred work always starts.
 */
export function afterFirstContent(work: () => void, maxWaitMs = 3000): void {
	let started = false;
	const start = () => {
		if (started) return;
		started = true;
		afterPaint(work);
	};
	void shown.then(start);
	setTimeout(start, maxWaitMs);
}
