import type { ExportSource } from '$lib/domain/dossierExport/exportPlan';
import type { ExportFile } from '$lib/domain/dossierExport/exportPlan';
import type { ZipProgress } from '$lib/domain/dossierExport/dossierZip';

/** What the page and the ZIP worker (./zip.worker.ts) tell each other. */

export interface ZipRequest {
	source: ExportSource;
	report: Blob;
	workspaceName: string;
	online: boolean;
}

export type ZipReply =
	| { type: 'progress'; progress: ZipProgress }
	| { type: 'done'; blob: Blob; fileName: string; missing: ExportFile[] }
	| { type: 'error'; message: string };
