import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReportPdf } from '$lib/server/dossierExport/reportPdf';
import { reportCatalogue, reportInput } from '../fixtures/dossierReport';
import { pdfInfo, pdfText } from '../support/pdfText';
import { buildReportPdfPage, serveReportPdfPage } from '../support/reportPdfServer.js';
import type { ReportPdfPage } from '../support/reportPdfPage/main';
import { launchBrowser } from './support/browser';

/**
 * The PDF report as the device makes it: in a Web Worker with pdfmake and the Roboto fonts, under the
 * app's Content Security Policy (no 'unsafe-eval'), offline once loaded. The page is a small build of
 * the report code (tests/support/reportPdfPage); the dossier page's buttons come with another change.
 */

let browser: Browser;
let page: Page;
let server: Awaited<ReturnType<typeof serveReportPdfPage>>;
const violations: string[] = [];

beforeAll(async () => {
	server = await serveReportPdfPage(await buildReportPdfPage(process.cwd()));
	browser = await launchBrowser();
	const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
	page = await context.newPage();
	page.on('console', (message) => {
		if (/Content Security Policy|CSP/i.test(message.text())) violations.push(message.text());
	});
	page.on('pageerror', (error) => violations.push(error.message));
	await page.goto(`${server.url}/`);
	await page.waitForFunction(() => 'reportPdfPage' in globalThis);
	// One report online loads the worker chunk (in the app, the service worker precaches it); then the
	// network is cut: the report needs nothing else, fonts included.
	await report({ evidenceCount: 1, photoCount: 0 });
	await context.setOffline(true);
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

function report(options: Parameters<ReportPdfPage['report']>[0]) {
	return page.evaluate(
		(o) => (globalThis as unknown as { reportPdfPage: ReportPdfPage }).reportPdfPage.report(o),
		options
	);
}

describe('the PDF report made on the device', () => {
	it('holds every criterion id, the points per area and German text, with title, language and page numbers', async () => {
		const made = await report({ evidenceCount: 40, photoCount: 4, thumbnails: true });
		expect(made.type).toBe('application/pdf');
		expect(made.thumbnails?.count).toBe(4);
		const bytes = Uint8Array.from(made.bytes);

		const text = (await pdfText(bytes)).replace(/\s+/g, ' ');
		for (const c of reportCatalogue.criteria) expect(text, c.id).toContain(`${c.id} ${c.title}`);
		const input = reportInput({ evidenceCount: 40, photoCount: 4 });
		for (const area of input.snapshot.readiness.areas)
			expect(text).toContain(`Punkte ${area.points} von mindestens ${area.pointsRequired}`);
		expect(text).toContain('Übergabe an die Fachberatung – „bitte prüfen“');
		expect(text).toContain('Straße & Süd');

		const info = await pdfInfo(bytes);
		expect(info.title).toBe(
			'Gütesiegel-Mappe – Familienzentrum Sonnenblume – Süd – Kindergartenjahr 2025/26 – Version 2'
		);
		expect(info.language).toBe('de-DE');
		expect(text).toContain(`Seite ${info.pages} von ${info.pages}`);
		expect(violations).toEqual([]);
	});

	it('prints the same text as the server’s report of the same version', async () => {
		const made = await report({ evidenceCount: 40, photoCount: 4 });
		const onServer = await renderReportPdf(reportInput({ evidenceCount: 40, photoCount: 4 }));
		const device = Uint8Array.from(made.bytes);
		expect(await pdfText(device)).toBe(await pdfText(onServer));
		expect((await pdfInfo(device)).pages).toBe((await pdfInfo(onServer)).pages);
	});

	it('makes photo thumbnails as JPEG at most 240 pixels wide and high', async () => {
		const size = await page.evaluate(() =>
			(globalThis as unknown as { reportPdfPage: ReportPdfPage }).reportPdfPage.thumbnailSize(1200, 1600)
		);
		expect(size).toEqual({ width: 180, height: 240, type: 'data:image/jpeg' });
	});
});
