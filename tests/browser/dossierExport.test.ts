import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_FILE } from '$lib/domain/dossierExport/exportPlan';
import { pdfText } from '../support/pdfText';
import { storedAttachments } from './support/app';
import { launchBrowser } from './support/browser';
import {
	addFileEvidence,
	DEMO,
	goOffline,
	logIn,
	pdfBytes,
	setStatus,
	sha256,
	SONNENBLUME,
	startSyncServer,
	syncNow,
	tabletOn,
	waitUntilSynced,
	type RunningServer
} from './sync/support';
import { handIn, seriousViolations, storedHandIns } from './dossier/handIn';
import { injectAxe } from './support/axe';
import { addCourse, addPhotoEvidence } from './dossier/workOnTablet';
import { readExportZip, type ExportZip } from './dossier/zipListing';

/**
 * Issue 14: the dossier leaves the app. A Leitung hands in offline and at once downloads the PDF
 * report and the ZIP for the certification body from her tablet, still offline; the advisor gets
 * the same report and files from the server's copy.
 */

let browser: Browser;
let server: RunningServer;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
	browser = await launchBrowser();
	server = await startSyncServer();
});
afterAll(async () => {
	await server?.stop();
	await browser?.close();
});
afterEach(async () => {
	for (const context of contexts.splice(0)) await context.close();
});

async function tablet(
	who: (typeof DEMO)[keyof typeof DEMO]
): Promise<{ context: BrowserContext; page: Page }> {
	const context = await tabletOn(browser, server);
	contexts.push(context);
	return { context, page: await logIn(context, who) };
}

/** Clicks and returns the download it starts; fails at once with the page's error note if one shows. */
async function download(
	page: Page,
	click: () => Promise<void>
): Promise<{ download: Download; bytes: Buffer }> {
	const failed = page
		.getByRole('alert')
		.filter({ hasText: /nicht|fehl/ })
		.first()
		.waitFor({ timeout: 90_000 })
		.then(async () => {
			throw new Error(`Statt eines Downloads: ${await page.getByRole('alert').first().textContent()}`);
		});
	const [started] = await Promise.all([
		Promise.race([page.waitForEvent('download', { timeout: 90_000 }), failed]),
		click()
	]);
	failed.catch(() => undefined);
	return { download: started, bytes: readFileSync((await started.path())!) };
}

/** The criterion ids the dossier page lists (catalogue order, chosen profile areas only). */
async function criteriaShown(page: Page): Promise<string[]> {
	return page
		.locator('li.criterion')
		.evaluateAll((items) => items.map((li) => li.id.replace(/^kriterium-/, '')));
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Keeps a read-write transaction on the workspace's `attachments` store open (by chaining requests)
 * until `releaseAttachments`: every read of the files, the export's included, waits for it.
 */
async function holdAttachments(page: Page): Promise<void> {
	await page.evaluate(async () => {
		const holder = window as unknown as { releaseAttachments?: boolean };
		holder.releaseAttachments = false;
		// Every workspace (one per account) that has files: the one in use is among them.
		for (const info of await indexedDB.databases()) {
			const db = await new Promise<IDBDatabase>((done, fail) => {
				const open = indexedDB.open(info.name!);
				open.onsuccess = () => done(open.result);
				open.onerror = () => fail(open.error);
			});
			if (!db.objectStoreNames.contains('attachments')) {
				db.close();
				continue;
			}
			const store = db.transaction('attachments', 'readwrite').objectStore('attachments');
			const keepBusy = () => {
				if (holder.releaseAttachments) return db.close();
				store.get('-').onsuccess = keepBusy;
			};
			keepBusy();
		}
	});
}

async function releaseAttachments(page: Page): Promise<void> {
	await page.evaluate(
		() => ((window as unknown as { releaseAttachments?: boolean }).releaseAttachments = true)
	);
}

/** The listing equals the index; evidence files are named by criterion and hash as listed. */
function expectConsistent(zip: ExportZip): void {
	expect([...zip.files.keys()].sort()).toEqual(zip.index.map((row) => row['Datei']).sort());
	const evidence = zip.index.filter((row) => row['Art'] === 'Nachweis');
	for (const row of evidence) {
		const name = row['Datei'].split('/').at(-1)!;
		expect(name).toMatch(new RegExp(`^${escapeRegExp(row['Kriterium'])}_\\d{2}_.+\\.[a-z0-9]+$`));
		expect(sha256(zip.files.get(row['Datei'])!)).toBe(row['SHA-256']);
	}
}

describe('the dossier leaves the tablet', () => {
	it('makes the PDF and the ZIP of a hand-in offline, and cancels a ZIP on request', async () => {
		const { context, page } = await tablet(DEMO.leitung);
		await setStatus(page, '1.8', 'Erfüllt');
		await addFileEvidence(page, '1.8', 'Kooperationsvertrag Erziehungsberatung', pdfBytes('Vertrag'));
		await addPhotoEvidence(page, '1.8', 'Aushang Elterncafé');
		await addCourse(page, 'Elterncafé am Dienstag');
		await goOffline(context, page);

		await handIn(page);
		await page.getByRole('link', { name: /zusammengestellt am/ }).click();
		await page.getByRole('heading', { level: 1, name: /wartet auf Übertragung$/ }).waitFor();
		await page.getByText('Wartet auf Übertragung', { exact: true }).waitFor();
		const criteria = await criteriaShown(page);
		expect(criteria).toContain('1.8');
		const [handedIn] = await storedHandIns(page);

		const pdf = await download(page, () =>
			page.getByRole('button', { name: 'Als PDF herunterladen' }).click()
		);
		expect(pdf.download.suggestedFilename()).toMatch(/Bericht\.pdf$/);
		await page.getByText('Bericht gespeichert').waitFor();
		const text = await pdfText(new Uint8Array(pdf.bytes));
		for (const id of criteria) expect(text).toMatch(new RegExp(`(^|\\s)${escapeRegExp(id)}(\\s|$)`));
		for (const area of handedIn.snapshot.readiness.areas)
			expect(text).toMatch(
				new RegExp(`Punkte\\s+${area.points}\\s+von\\s+mindestens\\s+${area.pointsRequired}`)
			);

		// With photos as small pictures the report grows by about their size.
		await page.getByRole('checkbox', { name: 'Fotos als Vorschaubilder im Bericht' }).check();
		const withPhotos = await download(page, () =>
			page.getByRole('button', { name: 'Als PDF herunterladen' }).click()
		);
		expect(withPhotos.bytes.length).toBeGreaterThan(pdf.bytes.length + 2000);

		const zipButton = page.getByRole('button', { name: 'Export für die Zertifizierungsstelle (ZIP)' });
		const zipped = await download(page, () => zipButton.click());
		expect(zipped.download.suggestedFilename()).toMatch(/\.zip$/);
		await page.getByText('Export gespeichert').waitFor();
		await injectAxe(page);
		expect(await seriousViolations(page, 'main')).toEqual([]);
		const zip = readExportZip(zipped.bytes);
		expectConsistent(zip);
		const stored = new Set((await storedAttachments(page)).map((a) => sha256(Uint8Array.from(a.bytes))));
		const evidence = zip.index.filter((row) => row['Art'] === 'Nachweis');
		expect(evidence.filter((row) => row['Kriterium'] === '1.8').map((row) => row['Nachweis'])).toEqual(
			expect.arrayContaining(['Kooperationsvertrag Erziehungsberatung', 'Aushang Elterncafé'])
		);
		for (const row of evidence) expect(stored).toContain(row['SHA-256']);
		expect([...zip.files.keys()].some((path) => path.startsWith(`${zip.root}/Register/`))).toBe(true);

		// Cancel: no download, a note in German, the buttons usable again. The files stay locked while
		// „Abbrechen“ is clicked, so the export cannot finish first however fast the machine is.
		let downloads = 0;
		page.on('download', () => downloads++);
		await holdAttachments(page);
		await zipButton.click();
		await page.getByRole('button', { name: 'Abbrechen' }).click();
		await releaseAttachments(page);
		await page.getByText('Export abgebrochen').waitFor();
		await page.getByText('Es wurde keine Datei gespeichert.').waitFor();
		await expect.poll(() => zipButton.isEnabled()).toBe(true);
		expect(downloads).toBe(0);
	}, 180_000);

	it('gives the advisor the same report and files from the server', async () => {
		const { page } = await tablet(DEMO.leitung);
		await addFileEvidence(page, '1.8', 'Kooperationsvertrag Familienbildung', pdfBytes('Bildung'));
		await waitUntilSynced(page);
		await handIn(page);
		await page.getByText(/Version \d+ für .* ist gespeichert/).waitFor({ timeout: 30_000 });
		await syncNow(page);
		const sent = (await storedHandIns(page)).find((s) => s.state === 'sent')!;
		await page.goto(`/mappe/${sent.dossier!.id}`);
		await page.getByRole('heading', { level: 1, name: /– Version \d+$/ }).waitFor();
		const criteria = await criteriaShown(page);
		const onTablet = readExportZip(
			(
				await download(page, () =>
					page.getByRole('button', { name: 'Export für die Zertifizierungsstelle (ZIP)' }).click()
				)
			).bytes
		);

		const advisor = (await tablet(DEMO.beratung)).page;
		await advisor.goto(`/beratung/${SONNENBLUME}/mappe/${sent.dossier!.id}`);
		await advisor.getByRole('heading', { level: 1, name: /– Version \d+$/ }).waitFor();
		const pdf = await download(advisor, () =>
			advisor.getByRole('link', { name: 'Als PDF herunterladen' }).click()
		);
		const text = await pdfText(new Uint8Array(pdf.bytes));
		for (const id of criteria) expect(text).toMatch(new RegExp(`(^|\\s)${escapeRegExp(id)}(\\s|$)`));

		const fromServer = readExportZip(
			(
				await download(advisor, () =>
					advisor.getByRole('link', { name: 'Export für die Zertifizierungsstelle (ZIP)' }).click()
				)
			).bytes
		);
		expectConsistent(fromServer);
		expect(fromServer.root).toBe(onTablet.root);
		const listing = (zip: ExportZip) => zip.index.map((row) => [row['Datei'], row['SHA-256']]);
		// The report is made anew on each side (its time differs); every other file is the same.
		const withoutReport = (zip: ExportZip) =>
			listing(zip).filter(([path]) => !path.endsWith(`/${REPORT_FILE}`));
		expect(withoutReport(fromServer)).toEqual(withoutReport(onTablet));
	}, 180_000);
});
