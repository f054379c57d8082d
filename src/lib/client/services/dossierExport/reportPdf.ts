import type { ReportInput } from '$lib/domain/dossierExport/report';
import type { ReportWorkerAnswer } from './reportWorker';

/**
 * The dossier's PDF report, made on the device and offline (issue 14). Rendered in a Web Worker:
 * the large workspace's report takes pdfmake seconds of layout, and the page must keep answering.
 * The worker chunk (pdfmake and the fonts) loads only here and is precached by the service worker.
 */

export const REPORT_ERROR = 'Der PDF-Bericht konnte nicht erstellt werden.';

export function makeReportPdf(input: ReportInput): Promise<Blob> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(new URL('./reportWorker.ts', import.meta.url), {
			type: 'module',
			name: 'pdf-bericht'
		});
		const fail = (detail: string) => {
			worker.terminate();
			reject(new Error(`${REPORT_ERROR} (${detail})`));
		};
		worker.onmessage = (event: MessageEvent<ReportWorkerAnswer>) => {
			worker.terminate();
			if (event.data.ok) resolve(new Blob([event.data.pdf], { type: 'application/pdf' }));
			else reject(new Error(`${REPORT_ERROR} (${event.data.message})`));
		};
		worker.onerror = (event) => {
			event.preventDefault();
			fail(event.message || 'Fehler im Hintergrund');
		};
		worker.onmessageerror = () => fail('Antwort nicht lesbar');
		try {
			worker.postMessage(input);
		} catch (error) {
			fail(error instanceof Error ? error.message : String(error));
		}
	});
}

export { photoThumbnails } from './thumbnails';
