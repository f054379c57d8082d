// How a benchmark knows the Übersicht is on screen: its area cards (one h3 per counted area) rendered.

/**
 * Waits until the Übersicht shows its area cards and returns `performance.now()` at that frame,
 * i.e. milliseconds since the navigation started.
 * @param {import('playwright-core').Page} page
 * @param {number} timeout
 * @returns {Promise<number>}
 */
export async function waitForOverviewAreas(page, timeout = 60_000) {
	const handle = await page.waitForFunction(
		() => {
			const section = document.querySelector('section[aria-labelledby="areas-title"]');
			const cards = section?.querySelectorAll('article h3') ?? [];
			return cards.length > 0 ? performance.now() : false;
		},
		undefined,
		{ polling: 'raf', timeout }
	);
	return /** @type {number} */ (await handle.jsonValue());
}

/**
 * Waits until a service worker controls the page, so later loads come from the precache as on an
 * installed tablet.
 * @param {import('playwright-core').Page} page
 */
export async function waitForServiceWorker(page) {
	await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
		timeout: 30_000
	});
}
