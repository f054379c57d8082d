import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pdfmake from 'pdfmake';
import { dossierReport, REPORT_FONT, type ReportInput } from '$lib/domain/dossierExport/report';

/**
 * The dossier's PDF report on the server, for the advisor (issue 14): the same document definition
 * and the same Roboto files as on the device (the browser's `vfs_fonts` is built from these files),
 * so both get the same report of a version.
 */

const fontFolder = join(
	dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')),
	'fonts',
	'Roboto'
);
const fontFiles = {
	normal: join(fontFolder, 'Roboto-Regular.ttf'),
	bold: join(fontFolder, 'Roboto-Medium.ttf'),
	italics: join(fontFolder, 'Roboto-Italic.ttf'),
	bolditalics: join(fontFolder, 'Roboto-MediumItalic.ttf')
};
const allowedFiles = new Set(Object.values(fontFiles));

let configured = false;

function configure(): void {
	if (configured) return;
	pdfmake.setFonts({ [REPORT_FONT]: fontFiles });
	// The report embeds only data URLs (thumbnails) and the fonts: nothing else is read or fetched,
	// whatever a definition might name.
	pdfmake.setUrlAccessPolicy(() => false);
	pdfmake.setLocalAccessPolicy((path) => allowedFiles.has(path));
	configured = true;
}

export async function renderReportPdf(input: ReportInput): Promise<Uint8Array> {
	configure();
	const buffer = await pdfmake.createPdf(dossierReport(input)).getBuffer();
	return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
