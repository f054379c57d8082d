// Helpers for the sync browser tests: a production server of their own (so a test can restart it or
// shorten sessions), demo logins, and reading what the server holds, as the app's own API answers it.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { freePort, startServer, type RunningServer } from '../../../scripts/lib/server.js';
import { tablet, waitForServiceWorker } from '../support/browser';

export type { RunningServer };

export const DEMO = {
	leitung: { email: 'leitung@demo.example', password: 'Demo-Leitung-2026', name: 'Lea Leitung' },
	team: { email: 'team@demo.example', password: 'Demo-Team-2026', name: 'Tom Team' },
	beratung: { email: 'beratung@demo.example', password: 'Demo-Beratung-2026', name: 'Berit Beratung' },
	regenbogen: {
		email: 'leitung.regenbogen@demo.example',
		password: 'Demo-Regenbogen-2026',
		name: 'Rita Regenbogen'
	}
} as const;
export type DemoLogin = (typeof DEMO)[keyof typeof DEMO];

export const SONNENBLUME = 'demo-sonnenblume';

/** A server with the demo deployment on a data directory of its own. */
export function startSyncServer(
	options: { dataDir?: string; env?: Record<string, string> } = {}
): Promise<RunningServer> {
	return startServer({ dataDir: options.dataDir, env: { DEMO_SEED: '1', ...options.env } });
}

/** A browser context on the given server: a tablet of its own (storage, service worker, IndexedDB). */
export function tabletOn(browser: Browser, server: { url: string }): Promise<BrowserContext> {
	return browser.newContext({ ...tablet, baseURL: server.url });
}

/** Logs in at /anmelden and waits until the app has set up the user's workspace. */
export async function logIn(context: BrowserContext, who: DemoLogin, next?: string): Promise<Page> {
	const page = context.pages()[0] ?? (await context.newPage());
	await page.goto(next ? `/anmelden?next=${encodeURIComponent(next)}` : '/anmelden');
	await page.getByLabel('E-Mail-Adresse').fill(who.email);
	await page.getByLabel('Passwort', { exact: true }).fill(who.password);
	await page.getByRole('button', { name: 'Anmelden' }).click();
	await page.waitForURL((url) => url.pathname !== '/anmelden', { timeout: 30_000 });
	await page.getByRole('button', { name: new RegExp(who.name) }).waitFor({ timeout: 15_000 });
	return page;
}

/** The line of the sync status in the header. */
export function syncLine(page: Page) {
	return page.locator('.sync .line');
}

/** Presses „Jetzt synchronisieren“ and waits until the status line says it is done. */
export async function syncNow(page: Page): Promise<void> {
	const button = page.getByRole('button', { name: 'Jetzt synchronisieren' });
	await button.waitFor();
	await expect.poll(() => button.isEnabled(), { timeout: 15_000 }).toBe(true);
	// The line may still say „Zuletzt synchronisiert“ from before: wait for this sync's pull first.
	const pulled = page.waitForResponse((r) => r.url().includes('/api/sync/pull'), { timeout: 30_000 });
	await button.click();
	await pulled;
	await waitUntilSynced(page);
}

/** Waits until no change is waiting and the last sync succeeded. */
export async function waitUntilSynced(page: Page, timeout = 30_000): Promise<void> {
	await expect
		.poll(async () => (await syncLine(page).textContent())?.trim() ?? '', { timeout, interval: 250 })
		.toMatch(/^Zuletzt synchronisiert/);
}

/** Opens a criterion and sets its status by the radio's label, e.g. „Erfüllt“. */
export async function setStatus(page: Page, criterionId: string, label: string): Promise<void> {
	await page.goto(`/kriterien/${encodeURIComponent(criterionId)}`);
	await page.getByRole('radio', { name: label }).check();
	await expect.poll(() => page.getByRole('radio', { name: label }).isChecked()).toBe(true);
	await page.getByText(`Status „${label}“ gespeichert`).waitFor();
}

export async function statusShown(page: Page, criterionId: string): Promise<string | null> {
	await page.goto(`/kriterien/${encodeURIComponent(criterionId)}`);
	await page.getByRole('radio', { name: 'Erfüllt' }).waitFor();
	for (const label of ['Offen', 'In Arbeit', 'Erfüllt', 'Nicht zutreffend']) {
		if (await page.getByRole('radio', { name: label }).isChecked()) return label;
	}
	return null;
}

/** Goes offline after the app is installed (service worker), as a tablet leaving the Wi-Fi. */
export async function goOffline(context: BrowserContext, page: Page): Promise<void> {
	await waitForServiceWorker(page);
	await context.setOffline(true);
}

export interface PulledRecord {
	table: string;
	recordId: string;
	facilityId: string;
	revision: number;
	deleted: boolean;
	record: Record<string, unknown>;
}

/** Everything the signed-in user of `context` may see on the server, pulled from revision 0. */
export async function serverRecords(context: BrowserContext): Promise<PulledRecord[]> {
	const records: PulledRecord[] = [];
	let cursor = 0;
	for (;;) {
		const response = await context.request.get(`/api/sync/pull?cursor=${cursor}`);
		expect(response.status()).toBe(200);
		const batch = (await response.json()) as { records: PulledRecord[]; cursor: number; hasMore: boolean };
		records.push(...batch.records);
		cursor = batch.cursor;
		if (!batch.hasMore) return records;
	}
}

export function recordsOf(records: PulledRecord[], table: string): Record<string, unknown>[] {
	return records.filter((r) => r.table === table && !r.deleted).map((r) => r.record);
}

/** A small but real PDF (the server checks the type from the bytes). */
export function pdfBytes(text: string): Buffer {
	return Buffer.from(
		`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`
	);
}

export function sha256(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
}

/** Adds file evidence to a criterion through the evidence form. */
export async function addFileEvidence(
	page: Page,
	criterionId: string,
	title: string,
	file: Buffer
): Promise<void> {
	await page.goto(`/kriterien/${encodeURIComponent(criterionId)}`);
	await page.getByRole('button', { name: 'Nachweis hinzufügen' }).click();
	await page.getByRole('radio', { name: 'Datei' }).check();
	await page
		.getByLabel('Datei auswählen')
		.setInputFiles({ name: `${title}.pdf`, mimeType: 'application/pdf', buffer: file });
	await page.getByRole('textbox', { name: 'Titel' }).fill(title);
	await page.getByRole('button', { name: 'Nachweis speichern' }).click();
	await page.getByRole('list', { name: 'Nachweise' }).getByText(title).first().waitFor();
}

/**
 * A production server on a fixed port and data directory, which a test can stop and start again
 * (a restart keeps the address, so the tablets' sessions and service workers carry on).
 */
export interface RestartableServer {
	url: string;
	dataDir: string;
	start(): Promise<void>;
	stop(): Promise<void>;
	output(): string;
	/** Stops the server for good and removes its data. */
	dispose(): Promise<void>;
}

export async function restartableServer(env: Record<string, string> = {}): Promise<RestartableServer> {
	const dataDir = mkdtempSync(join(tmpdir(), 'guetesiegel-sync-'));
	// Started again on the same port and data directory, it is the same server to the tablets.
	const port = await freePort();
	let running: RunningServer | null = null;
	let earlier = '';
	const start = async () => {
		running = await startServer({ dataDir, port, env: { DEMO_SEED: '1', ...env } });
	};
	const stop = async () => {
		const current = running;
		running = null;
		if (!current) return;
		await current.stop();
		earlier += current.output();
	};
	await start();
	return {
		url: `http://127.0.0.1:${port}`,
		dataDir,
		start,
		stop,
		output: () => earlier + (running?.output() ?? ''),
		dispose: async () => {
			await stop();
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
}
