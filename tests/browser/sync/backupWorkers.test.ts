import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import {
	addFileEvidence,
	DEMO,
	logIn,
	pdfBytes,
	startSyncServer,
	tabletOn,
	type RunningServer
} from './support';

/**
 * The backup's export and import run in Web Workers in the built app: the export is a complete
 * archive with the stored files, which a second tablet reads back, all of it in one go.
 */

let browser: Browser;
let server: RunningServer;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
	[browser, server] = await Promise.all([launchBrowser(), startSyncServer()]);
});
afterAll(async () => {
	await Promise.allSettled(contexts.map((c) => c.close()));
	await browser?.close();
	await server?.stop();
});

describe('backup through the workers', () => {
	it('exports a workspace with its files and imports it on another tablet', async () => {
		const first = await tabletOn(browser, server);
		const second = await tabletOn(browser, server);
		contexts.push(first, second);
		const page = await logIn(first, DEMO.leitung);
		await addFileEvidence(page, '1.2', 'Gesicherte Vereinbarung', pdfBytes('Sicherung'.repeat(50_000)));

		await page.goto('/einstellungen');
		const download = page.waitForEvent('download', { timeout: 60_000 });
		await page.getByRole('button', { name: 'Sicherung herunterladen', exact: true }).click();
		const file = await (await download).path();
		const bytes = readFileSync(file);
		expect(bytes.subarray(0, 2).toString()).toBe('PK');
		expect(bytes.length).toBeGreaterThan(400_000);

		// Another user's tablet (her own browser storage): the import is the only way the file gets there.
		const other = await logIn(second, DEMO.regenbogen);
		await other.goto('/einstellungen');
		await other
			.getByLabel('Sicherungsdatei (ZIP) auswählen', { exact: true })
			.setInputFiles({ name: 'sicherung.zip', mimeType: 'application/zip', buffer: bytes });
		await other.getByRole('button', { name: 'Ja, Sicherung einlesen', exact: true }).click();
		await other.getByText('Die Sicherung wurde eingelesen.', { exact: true }).waitFor({ timeout: 60_000 });
		const attachments = await other.evaluate(async () => {
			const names = (await indexedDB.databases()).map((d) => d.name ?? '');
			let count = 0;
			for (const name of names) {
				const db = await new Promise<IDBDatabase>((resolve, reject) => {
					const open = indexedDB.open(name);
					open.onsuccess = () => resolve(open.result);
					open.onerror = () => reject(open.error);
				});
				if (db.objectStoreNames.contains('attachments')) {
					count += await new Promise<number>((resolve) => {
						const request = db.transaction('attachments').objectStore('attachments').count();
						request.onsuccess = () => resolve(request.result);
					});
				}
				db.close();
			}
			return count;
		});
		expect(attachments).toBeGreaterThan(0);
	}, 180_000);
});
