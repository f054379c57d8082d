import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mainHeading } from '../support/app';
import { launchBrowser } from '../support/browser';
import {
	pageTable,
	pathOf,
	prepareViewers,
	uncoveredRoutes,
	type SeededIds,
	type Viewer,
	type ViewerPages
} from '../support/pages';
import { infoLinks } from '$lib/components/layout/navItems';
import { startSyncServer, type RunningServer } from '../sync/support';

/**
 * Issue 16, part 1: every page at the sizes of a phone and of tablets and laptops in both
 * orientations fits the screen — no sideways scrolling, no control cut off — and leaves a screenshot
 * of each page × size under `test-results/screens/` (SCREENS_DIR overrides it).
 */

export const screenSizes = [
	{ width: 390, height: 844 },
	{ width: 844, height: 390 },
	{ width: 768, height: 1024 },
	{ width: 1024, height: 768 },
	{ width: 1024, height: 1366 },
	{ width: 1440, height: 900 }
];

const screensDir = join(process.cwd(), process.env.SCREENS_DIR ?? 'test-results/screens');

let browser: Browser;
let server: RunningServer;
const contexts: BrowserContext[] = [];
let pages: ViewerPages;
let ids: SeededIds;

beforeAll(async () => {
	mkdirSync(screensDir, { recursive: true });
	[browser, server] = await Promise.all([launchBrowser(), startSyncServer()]);
	({ pages, ids } = await prepareViewers(browser, server, contexts));
}, 240_000);
afterAll(async () => {
	await Promise.allSettled(contexts.map((c) => c.close()));
	await browser?.close();
	await server?.stop();
});

/**
 * What does not fit: the page wider than the screen, and visible controls whose box reaches past
 * the screen's edge or past an ancestor that hides its overflow, or whose own text is cut off. A
 * control in a data table that scrolls sideways inside a labelled region the keyboard can reach
 * (WCAG 1.4.10 allows that for data tables) is reachable and counts as fitting. Also: every
 * collapsible section shows a disclosure marker, and every file input is a labelled button.
 */
function layoutProblems(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const problems: string[] = [];
		const width = window.innerWidth;
		if (document.documentElement.scrollWidth > width) {
			// Name the innermost elements that stick out, so the message says where to look.
			const wide = [...document.body.querySelectorAll<HTMLElement>('*')].filter(
				(el) =>
					el.getBoundingClientRect().right > width + 0.5 &&
					![...el.children].some((child) => child.getBoundingClientRect().right > width + 0.5)
			);
			const where = wide.slice(0, 3).map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
			problems.push(`page is ${document.documentElement.scrollWidth}px wide (${where.join(', ')})`);
		}
		const describe = (el: Element) => {
			const text = (el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? '').trim();
			return `${el.tagName.toLowerCase()} „${text.replace(/\s+/g, ' ').slice(0, 40)}“`;
		};
		/** Hidden for the eye on purpose (screen-reader text): 1 px, clipped. */
		const srOnly = (el: HTMLElement) => {
			const style = getComputedStyle(el);
			return (
				el.getBoundingClientRect().width <= 1 ||
				(style.clipPath !== 'none' && style.clipPath !== '') ||
				(style.clip !== 'auto' && style.clip !== '')
			);
		};
		const scrollRegion = (el: HTMLElement) => {
			for (let parent = el.parentElement; parent; parent = parent.parentElement) {
				const overflow = getComputedStyle(parent).overflowX;
				if (overflow !== 'auto' && overflow !== 'scroll') continue;
				const named = parent.hasAttribute('aria-label') || parent.hasAttribute('aria-labelledby');
				return parent.getAttribute('role') === 'region' && parent.tabIndex === 0 && named ? parent : null;
			}
			return null;
		};
		const controls = document.querySelectorAll<HTMLElement>(
			'a[href], button, input:not([type="hidden"]), select, textarea, summary, label'
		);
		for (const el of controls) {
			const box = el.getBoundingClientRect();
			const style = getComputedStyle(el);
			if (box.width <= 1 || box.height <= 1 || style.visibility === 'hidden') continue;
			if (el.closest('[hidden], .visually-hidden')) continue;
			const region = scrollRegion(el);
			const bounds = region ? region.getBoundingClientRect() : { left: 0, right: width };
			if (region && (bounds.left < -0.5 || bounds.right > width + 0.5)) {
				problems.push(`scroll region of ${describe(el)} reaches past the screen`);
				continue;
			}
			if (!region && (box.right > width + 0.5 || box.left < -0.5)) {
				problems.push(
					`${describe(el)} reaches past the screen (${Math.round(box.left)}–${Math.round(box.right)}px)`
				);
				continue;
			}
			for (let parent = el.parentElement; parent; parent = parent.parentElement) {
				const overflow = getComputedStyle(parent).overflowX;
				if (overflow !== 'hidden' && overflow !== 'clip') continue;
				if (srOnly(parent)) break;
				const outer = parent.getBoundingClientRect();
				if (box.right > outer.right + 0.5 || box.left < outer.left - 0.5) {
					problems.push(`${describe(el)} is cut off by ${parent.tagName.toLowerCase()}.${parent.className}`);
					break;
				}
			}
			// Text cut inside the control, e.g. „Einstellun…“ in a tab too narrow for its label.
			if (
				el instanceof HTMLInputElement ||
				el instanceof HTMLTextAreaElement ||
				el instanceof HTMLSelectElement
			)
				continue;
			for (const part of [el, ...el.querySelectorAll<HTMLElement>('*')]) {
				const partStyle = getComputedStyle(part);
				if (partStyle.overflowX === 'visible' || part.clientWidth === 0 || srOnly(part)) continue;
				if (part.scrollWidth > part.clientWidth + 1) {
					problems.push(`${describe(el)}: text cut off (${part.scrollWidth}px in ${part.clientWidth}px)`);
					break;
				}
			}
		}
		for (const summary of document.querySelectorAll<HTMLElement>('summary')) {
			if (summary.getBoundingClientRect().height === 0) continue;
			const marker = getComputedStyle(summary, '::before');
			const listItem = getComputedStyle(summary).display === 'list-item';
			const drawn = marker.content !== 'none' && marker.content !== 'normal' && marker.display !== 'none';
			if (!listItem && !drawn) problems.push(`${describe(summary)} shows no disclosure marker`);
		}
		for (const input of document.querySelectorAll<HTMLInputElement>('input[type="file"]')) {
			const button = input.closest('label.file-picker');
			if (!button || !input.classList.contains('visually-hidden'))
				problems.push(`file input ${input.id || input.name} is not a labelled button`);
			else if (button.getBoundingClientRect().height < 44)
				problems.push(`file button „${button.textContent?.trim()}“ is lower than 44 px`);
		}
		return [...new Set(problems)];
	});
}

/** Two frames after a resize, so layout and any resize observers have settled. */
function settled(page: Page): Promise<void> {
	return page.evaluate(
		() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())))
	);
}

describe('every page fits every screen size', () => {
	it('has a row in the page table for every page of the app', () => {
		expect(uncoveredRoutes()).toEqual([]);
	});

	for (const entry of pageTable) {
		it(`${entry.name} (${entry.viewer}) fits 390 to 1440 px`, { timeout: 120_000 }, async () => {
			const page = pages[entry.viewer];
			await page.setViewportSize(screenSizes[0]);
			await page.goto(pathOf(entry, ids));
			expect(await mainHeading(page)).not.toMatch(/^\d{3}$/);
			await page.waitForLoadState('networkidle');
			const problems: string[] = [];
			for (const size of screenSizes) {
				await page.setViewportSize(size);
				await settled(page);
				const label = `${size.width}x${size.height}`;
				for (const problem of await layoutProblems(page)) problems.push(`${label}: ${problem}`);
				await page.screenshot({ path: join(screensDir, `${entry.name}-${label}.png`), fullPage: true });
			}
			expect(problems).toEqual([]);
		});
	}
});

describe('the menu on every page', () => {
	const viewers: Viewer[] = ['guest', 'leitung', 'beratung', 'admin'];
	for (const viewer of viewers) {
		it(`links help and the legal pages for ${viewer}, on a phone and a tablet`, async () => {
			const page = pages[viewer];
			for (const size of [screenSizes[0], screenSizes[3]]) {
				await page.setViewportSize(size);
				await page.goto('/einstellungen');
				await mainHeading(page);
				const toggle = page.getByRole('button', { name: 'Menü', exact: true });
				await toggle.click();
				const menu = page.getByRole('navigation', { name: 'Menü', exact: true });
				for (const link of infoLinks) {
					const item = menu.getByRole('link', { name: link.label, exact: true });
					await item.waitFor();
					expect(await item.getAttribute('href')).toBe(link.href);
				}
				if (viewer === 'leitung' && size.width < 720) {
					// The sections that do not fit the phone's tab bar are in the menu.
					await menu.getByRole('link', { name: 'Einstellungen', exact: true }).waitFor();
				}
				await page.keyboard.press('Escape');
				await menu.waitFor({ state: 'hidden' });
				expect(await toggle.evaluate((el: Element) => el === document.activeElement)).toBe(true);
			}
		});
	}
});
