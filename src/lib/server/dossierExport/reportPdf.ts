import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import {
	addPageFurniture,
	REPORT_FONT,
	reportDocument,
	type PageFurniture,
	type ReportInput
} from '$lib/domain/dossierExport/report';

/**
 * The dossier's PDF report on the server, for the advisor (issue 14): the same document definition
 * and the same Roboto files as on the device (the browser's `vfs_fonts` is built from these files),
 * so both get the same report of a version.
 *
 * pdfmake lays a document out synchronously: the large workspace's report takes seconds, which on
 * the main thread would stall every other request. So each report is made in a worker thread. The
 * definition travels as data; the page furniture's function is sent as source, which is why
 * `addPageFurniture` is self-contained.
 */

const require = createRequire(import.meta.url);
const pdfmakeEntry = require.resolve('pdfmake');
const fontFolder = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
const fonts = {
	[REPORT_FONT]: {
		normal: join(fontFolder, 'Roboto-Regular.ttf'),
		bold: join(fontFolder, 'Roboto-Medium.ttf'),
		italics: join(fontFolder, 'Roboto-Italic.ttf'),
		bolditalics: join(fontFolder, 'Roboto-MediumItalic.ttf')
	}
};

// CommonJS, as Node runs an `eval` worker. The report embeds only data URLs (thumbnails) and the
// fonts: nothing else is read or fetched, whatever a definition might name.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const pdfmake = require(workerData.pdfmakeEntry);
const addPageFurniture = ${addPageFurniture.toString()};
const allowed = new Set(Object.values(workerData.fonts).flatMap((font) => Object.values(font)));
pdfmake.setFonts(workerData.fonts);
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => allowed.has(path));
pdfmake
	.createPdf(addPageFurniture(workerData.definition, workerData.furniture))
	.getBuffer()
	.then((buffer) => {
		const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
		parentPort.postMessage(bytes, [bytes.buffer]);
	});
`;

export const REPORT_ERROR = 'Der PDF-Bericht konnte nicht erstellt werden.';

/**
 * Reports made at once: each worker holds pdfmake, the fonts and the layout (tens of MB) and a core
 * is busy for seconds, so further requests wait their turn instead of starving the server.
 */
const MAX_PARALLEL = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function inTurn<T>(work: () => Promise<T>): Promise<T> {
	// A finishing render hands its slot straight to the next in line, so none can slip in between.
	if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
	else running++;
	try {
		return await work();
	} finally {
		const next = waiting.shift();
		if (next) next();
		else running--;
	}
}

export function renderReportPdf(input: ReportInput): Promise<Uint8Array> {
	const { definition, furniture } = reportDocument(input);
	return inTurn(() => renderInWorker(definition, furniture));
}

function renderInWorker(definition: TDocumentDefinitions, furniture: PageFurniture): Promise<Uint8Array> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(workerSource, {
			eval: true,
			workerData: { pdfmakeEntry, fonts, definition, furniture }
		});
		let done = false;
		worker.once('message', (bytes: Uint8Array) => {
			done = true;
			resolve(bytes);
			void worker.terminate();
		});
		worker.once('error', (error) => {
			done = true;
			reject(new Error(`${REPORT_ERROR} (${error.message})`, { cause: error }));
		});
		worker.once('exit', (code) => {
			if (!done) reject(new Error(`${REPORT_ERROR} (Hintergrundprozess beendet: ${code})`));
		});
	});
}
