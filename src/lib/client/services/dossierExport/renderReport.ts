import type { TVirtualFileSystem } from 'pdfmake/interfaces';
import { dossierReport, REPORT_FONT, type ReportInput } from '$lib/domain/dossierExport/report';

/**
 * pdfmake in the browser, run inside the report worker (./reportWorker.ts): the worker and with it
 * pdfmake (about 1 MB) and the Roboto fonts (0.8 MB) are only fetched when a report is asked for,
 * and the service worker precaches the chunk for offline use. The fonts are the same Roboto files the
 * server uses (server/dossierExport/reportPdf.ts), so device and server print the same report.
 */

type PdfMake = typeof import('pdfmake/build/pdfmake');

let loaded: Promise<PdfMake> | null = null;

async function loadPdfMake(): Promise<PdfMake> {
	const [pdfMakeModule, fontsModule] = await Promise.all([
		import('pdfmake/build/pdfmake'),
		import('pdfmake/build/vfs_fonts')
	]);
	// Both are CommonJS bundles: their exports arrive as the module's default.
	const pdfMake = ((pdfMakeModule as { default?: PdfMake }).default ?? pdfMakeModule) as PdfMake;
	const vfs = ((fontsModule as { default?: TVirtualFileSystem }).default ??
		fontsModule) as TVirtualFileSystem;
	pdfMake.addVirtualFileSystem(vfs);
	pdfMake.setFonts({
		[REPORT_FONT]: {
			normal: 'Roboto-Regular.ttf',
			bold: 'Roboto-Medium.ttf',
			italics: 'Roboto-Italic.ttf',
			bolditalics: 'Roboto-MediumItalic.ttf'
		}
	});
	// The report embeds only data URLs: nothing is fetched, whatever a definition might name.
	pdfMake.setUrlAccessPolicy(() => false);
	return pdfMake;
}

/** The report's PDF bytes, made in the current thread (the worker's). */
export async function renderReport(input: ReportInput): Promise<ArrayBuffer> {
	loaded ??= loadPdfMake();
	const pdfMake = await loaded;
	const buffer = await pdfMake.createPdf(dossierReport(input)).getBuffer();
	return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
}
