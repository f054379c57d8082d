import type { Locator, Page } from 'playwright-core';
import { axeViolations, injectAxe, MODERATE_AND_WORSE } from './axe';

/**
 * Issue 16: a state a part brings (a preview, a progress panel, a marker, a QR code) checked at the
 * four widths the all-pages tests use for pages: the page does not scroll sideways, the element is
 * shown whole within the screen's width, and axe finds nothing moderate or worse.
 */
export const fourSizes = [
	{ width: 390, height: 844 },
	{ width: 768, height: 1024 },
	{ width: 1024, height: 768 },
	{ width: 1440, height: 900 }
];

/** What does not fit or is not accessible at each size; an empty list when all is well. */
export async function problemsAtFourSizes(page: Page, shown: Locator): Promise<string[]> {
	const before = page.viewportSize();
	await injectAxe(page);
	const problems: string[] = [];
	try {
		for (const size of fourSizes) {
			await page.setViewportSize(size);
			// Two frames, so layout and resize observers have settled before measuring.
			await page.evaluate(
				() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())))
			);
			const at = `${size.width}px`;
			const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
			if (wide > 0) problems.push(`${at}: the page is ${wide}px wider than the screen`);
			await shown.scrollIntoViewIfNeeded();
			const box = await shown.boundingBox();
			if (!box) problems.push(`${at}: not shown`);
			else if (box.x < -0.5 || box.x + box.width > size.width + 0.5)
				problems.push(
					`${at}: reaches past the screen (${Math.round(box.x)}–${Math.round(box.x + box.width)}px)`
				);
			for (const problem of await axeViolations(page, MODERATE_AND_WORSE)) problems.push(`${at}: ${problem}`);
		}
	} finally {
		if (before) await page.setViewportSize(before);
	}
	return problems;
}
