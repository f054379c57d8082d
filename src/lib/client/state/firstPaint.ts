/**
 * What the root layout needs to show the anonymous workspace before the session and sync machinery
 * (which bring zod along) have loaded. Nothing here imports them.
 */

/** Where `session/sessionCache.ts` keeps the signed-in user; `firstPaint.test.ts` keeps both in step. */
const CACHED_SESSION_KEY = 'guetesiegel-mappe.session';

/**
 * True when a session may be cached on this device. Only a hint: the session itself decides (it
 * validates the entry); false means nobody is signed in, so the anonymous workspace may open at once.
 */
export function mayHaveCachedSession(): boolean {
	try {
		return typeof localStorage !== 'undefined' && localStorage.getItem(CACHED_SESSION_KEY) !== null;
	} catch {
		// Storage blocked: the session cache cannot hold anyone either.
		return false;
	}
}

/** Calls `work` once the browser has painted the current frame and has a moment to spare. */
export function afterPaint(work: () => void): void {
	// A frame callback runs just before the paint; the idle callback (or a task) comes after it.
	requestAnimationFrame(() => {
		if (typeof requestIdleCallback === 'function') requestIdleCallback(() => work(), { timeout: 1000 });
		else setTimeout(work, 0);
	});
}

/**
 * Resolves once the current frame has been painted, without waiting for idle time: for work the
 * user waits for next (a hidden tab paints nothing, so it waits until she looks).
 */
export function framePainted(): Promise<void> {
	return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
