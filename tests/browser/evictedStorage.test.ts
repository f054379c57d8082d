import type { Browser, BrowserContext, Request } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import {
	DEMO,
	logIn,
	recordsOf,
	serverRecords,
	SONNENBLUME,
	startSyncServer,
	tabletOn,
	waitUntilSynced,
	type RunningServer
} from './sync/support';

/**
 * iOS may evict a web app's IndexedDB under storage pressure and keep its cookies and localStorage.
 * The app then opens signed in on an empty workspace: it must rebuild from the server and never
 * send the blank defaults it starts with against the centre's real profile.
 */

let browser: Browser;
let server: RunningServer;
let context: BrowserContext | undefined;

beforeAll(async () => {
	[browser, server] = await Promise.all([launchBrowser(), startSyncServer()]);
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});
afterEach(async () => {
	await context?.close();
});

interface PushedChange {
	table: string;
	recordId: string;
}

describe('a tablet whose IndexedDB the browser evicted, cookies kept', () => {
	it('shows the centre’s profile from the server and sends no blank profile, making no conflict', async () => {
		context = await tabletOn(browser, server);
		const page = await logIn(context, DEMO.leitung);
		await waitUntilSynced(page);
		const before = recordsOf(await serverRecords(context), 'facilities').find((f) => f.id === SONNENBLUME);
		expect(before).toMatchObject({ name: 'Familienzentrum Sonnenblume', city: 'Bochum' });

		const pushed: PushedChange[] = [];
		page.on('request', (request: Request) => {
			if (!request.url().includes('/api/sync/push')) return;
			const body = request.postDataJSON() as { changes: PushedChange[] };
			pushed.push(...body.changes.map(({ table, recordId }) => ({ table, recordId })));
		});
		const cdp = await context.newCDPSession(page);
		await cdp.send('Storage.clearDataForOrigin', {
			origin: new URL(server.url).origin,
			storageTypes: 'indexeddb'
		});
		await cdp.detach();

		// She opens the app again: still signed in (cookie and localStorage kept), the data gone.
		await page.goto('/einrichtung');
		await page.getByRole('button', { name: new RegExp(DEMO.leitung.name) }).waitFor({ timeout: 30_000 });
		await expect.poll(() => page.getByLabel('Ort').inputValue(), { timeout: 30_000 }).toBe('Bochum');
		await expect.poll(() => page.getByLabel('Gütesiegel gültig bis').inputValue()).toBe('2027-07-31');
		await waitUntilSynced(page);

		expect(pushed.filter((c) => c.table === 'facilities')).toEqual([]);
		const records = await serverRecords(context);
		expect(recordsOf(records, 'facilities').find((f) => f.id === SONNENBLUME)).toEqual(before);
		expect(recordsOf(records, 'syncConflicts')).toEqual([]);
		// The rest of her centre's data is back on the tablet, too.
		await page.goto('/kriterien/1.1');
		await page.getByText('Sprechstundenplan Erziehungsberatung 2026/27').first().waitFor({ timeout: 30_000 });
	});
});
