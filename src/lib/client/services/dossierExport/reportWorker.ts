/// <reference lib="webworker" />
import type { ReportInput } from '$lib/domain/dossierExport/report';
import { renderReport } from './renderReport';

/**
 * The report worker: laying out a large dossier (every criterion, 2,000 evidence items) takes
 * pdfmake several seconds of synchronous work, which would freeze the page; here it does not.
 * One request per worker: ./reportPdf.ts starts a worker per report and ends it afterwards.
 */

export type ReportWorkerAnswer = { ok: true; pdf: ArrayBuffer } | { ok: false; message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<ReportInput>) => {
	let answer: ReportWorkerAnswer;
	try {
		answer = { ok: true, pdf: await renderReport(event.data) };
	} catch (error) {
		answer = { ok: false, message: error instanceof Error ? error.message : String(error) };
	}
	scope.postMessage(answer, answer.ok ? [answer.pdf] : []);
};
