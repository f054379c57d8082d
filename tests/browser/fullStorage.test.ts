import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, waitForServiceWorker } from './support/browser';
import { outboxOf } from './sync/device';
import {
	DEMO,
	goOffline,
	logIn,
	recordsOf,
	serverRecords,
	setStatus,
	startSyncServer,
	statusShown,
	syncLine,
	syncNow,
	tabletOn,
	waitUntilSynced,
	type RunningServer
} from './sync/support';

/**
 * A tablet whose storage runs out (Chromium's quota for the origin set through CDP): what she types
 * is saved without the photo, the app still opens and shows everything, her pending changes still
 * reach the server, and what the server has for her waits until there is space again.
 */

let browser: Browser;
let server: RunningServer;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
	[browser, server] = await Promise.all([launchBrowser(), startSyncServer()]);
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});
afterEach(async () => {
	await Promise.allSettled(contexts.splice(0).map((c) => c.close()));
});

async function tablet(): Promise<BrowserContext> {
	const context = await tabletOn(browser, server);
	contexts.push(context);
	return context;
}

/**
 * A tablet with `quota` bytes of storage for the app. Chromium applies the CDP override only to an
 * origin that has not used storage yet, so it is set before the first page load, and withdraws it
 * when the CDP session ends, so the session stays open with the context.
 */
async function smallTablet(quota = 24 * 1024 * 1024): Promise<BrowserContext> {
	const context = await tablet();
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	const origin = new URL(server.url).origin;
	await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: quota });

	return context;
}

/** Bytes the app stores on a tablet once the Leitung has logged in and synced. */
async function usageAfterLogin(): Promise<number> {
	const context = await tablet();
	const page = await logIn(context, DEMO.leitung);
	await waitUntilSynced(page);
	await waitForServiceWorker(page);
	const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
	await context.close();
	return usage;
}

/**
 * Fills the storage up with other data (random bytes, which do not compress), like the photos and
 * apps that fill a real tablet, until a write fails.
 */
async function fillStorage(page: Page): Promise<void> {
	await page.evaluate(async () => {
		const write = (name: string, size: number) =>
			new Promise<boolean>((resolve, reject) => {
				const open = indexedDB.open(name, 1);
				open.onupgradeneeded = () => open.result.createObjectStore('bytes', { autoIncrement: true });
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const database = open.result;
					const bytes = new Uint8Array(size);
					for (let i = 0; i < size; i += 65536) crypto.getRandomValues(bytes.subarray(i, i + 65536));
					const transaction = database.transaction('bytes', 'readwrite');
					transaction.objectStore('bytes').put(bytes);
					transaction.oncomplete = () => (database.close(), resolve(true));
					transaction.onabort = () => (database.close(), resolve(false));
				};
			});
		for (const size of [1 << 20, 1 << 16, 1 << 12, 1 << 8, 16]) while (await write('filler', size));
	});
}

/**
 * Adds a photo as evidence through the form: a camera picture of fine detail (random pixels), so
 * that even re-encoded it takes well over a megabyte.
 */
async function addLargePhotoEvidence(page: Page, criterionId: string, title: string): Promise<void> {
	await page.goto(`/kriterien/${encodeURIComponent(criterionId)}`);
	const jpeg = await page.evaluate(async () => {
		const canvas = new OffscreenCanvas(2000, 1500);
		const ctx = canvas.getContext('2d')!;
		const pixels = ctx.createImageData(2000, 1500);
		for (let i = 0; i < pixels.data.length; i += 65536) {
			crypto.getRandomValues(pixels.data.subarray(i, i + 65536));
		}
		for (let i = 3; i < pixels.data.length; i += 4) pixels.data[i] = 255;
		ctx.putImageData(pixels, 0, 0);
		const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
		return Array.from(new Uint8Array(await blob.arrayBuffer()));
	});
	await page.getByRole('button', { name: 'Nachweis hinzufügen' }).click();
	await page.getByRole('radio', { name: 'Foto' }).check();
	await page
		.getByLabel('Bild auswählen')
		.setInputFiles({ name: 'IMG_0816.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(jpeg) });
	await page.getByText(/Pixel/).waitFor({ timeout: 20_000 });
	await page.getByRole('textbox', { name: 'Titel' }).fill(title);
	await page.getByRole('button', { name: 'Nachweis speichern' }).click();
}

/** Writes other data of the size the service worker's caches take. */
async function takeAsMuchAsTheCaches(page: Page): Promise<void> {
	await page.evaluate(async () => {
		const estimate = (await navigator.storage.estimate()) as StorageEstimate & {
			usageDetails?: { caches?: number };
		};
		const size = estimate.usageDetails?.caches ?? 0;
		await new Promise<void>((resolve, reject) => {
			const open = indexedDB.open('other-data', 1);
			open.onupgradeneeded = () => open.result.createObjectStore('bytes', { autoIncrement: true });
			open.onerror = () => reject(open.error);
			open.onsuccess = () => {
				const database = open.result;
				const bytes = new Uint8Array(size);
				for (let i = 0; i < size; i += 65536) crypto.getRandomValues(bytes.subarray(i, i + 65536));
				const transaction = database.transaction('bytes', 'readwrite');
				transaction.objectStore('bytes').put(bytes);
				transaction.oncomplete = () => (database.close(), resolve());
				transaction.onabort = () => reject(transaction.error);
			};
		});
	});
}

/** Frees what `fillStorage` took. */
async function freeStorage(page: Page): Promise<void> {
	await page.evaluate(
		() => new Promise((resolve) => (indexedDB.deleteDatabase('filler').onsuccess = resolve))
	);
}

describe('a tablet whose storage is full', () => {
	it('saves the evidence text without the photo, marks the photo missing and says why', async () => {
		// What the app takes on a tablet after the login, and room for a record, not for a photo.
		const context = await smallTablet((await usageAfterLogin()) + 768 * 1024);
		const page = await logIn(context, DEMO.leitung);
		await waitUntilSynced(page);
		await waitForServiceWorker(page);
		// Chromium weighs an IndexedDB write against the quota without the service worker's caches
		// (3 MB since the precache holds the PDF report's worker): take that much with other data, so
		// the room left is the 768 KB meant above.
		await takeAsMuchAsTheCaches(page);

		await addLargePhotoEvidence(page, '2.1', 'Aushang Elterncafé');
		const notice = page.getByRole('alert').filter({ hasText: 'Aushang Elterncafé' });
		await expect.poll(() => notice.textContent(), { timeout: 30_000 }).toContain('Speicher voll');
		expect(await notice.textContent()).toContain('Bitte Speicher freigeben');
		await page.getByRole('list', { name: 'Nachweise' }).getByText('Aushang Elterncafé').waitFor();
		await page.getByText('Foto erneut hinzufügen').first().waitFor();

		// The text is stored: it is there after a reload, the photo still marked missing.
		await page.reload();
		await page.getByRole('list', { name: 'Nachweise' }).getByText('Aushang Elterncafé').waitFor();
		await page.getByText('Foto erneut hinzufügen').first().waitFor();
	}, 150_000);

	it('still opens, shows her data and sends her pending change; a pull waits for space', async () => {
		const context = await smallTablet();
		const page = await logIn(context, DEMO.leitung);
		await waitUntilSynced(page);
		await goOffline(context, page);
		await setStatus(page, '2.1', 'Erfüllt');

		// Meanwhile a team member sets another criterion on her tablet.
		const team = await tablet();
		const teamPage = await logIn(team, DEMO.team);
		await setStatus(teamPage, '3.1', 'In Arbeit');
		await syncNow(teamPage);

		// The storage is now completely full; the app is opened again and the network is back.
		await fillStorage(page);
		await page.goto('/');
		await page.reload();
		await page.goto('/kriterien/1.1');
		await page.getByText('Sprechstundenplan Erziehungsberatung 2026/27').first().waitFor();
		expect(await statusShown(page, '2.1')).toBe('Erfüllt');
		await context.setOffline(false);

		await expect
			.poll(
				async () =>
					recordsOf(await serverRecords(context), 'criterionStatuses').filter((s) => s.criterionId === '2.1'),
				{
					timeout: 30_000
				}
			)
			.toEqual([expect.objectContaining({ status: 'erfuellt', updatedBy: DEMO.leitung.name })]);
		await expect.poll(() => syncLine(page).textContent(), { timeout: 30_000 }).toMatch(/Speicher/);
		expect(await statusShown(page, '3.1')).toBe('Offen');

		// Space again: the waiting pull comes in, nothing is left waiting.
		await freeStorage(page);
		await syncNow(page);
		expect(await statusShown(page, '3.1')).toBe('In Arbeit');
		expect(await outboxOf(page)).toEqual({ pending: 0, rejected: 0 });
	});
});
