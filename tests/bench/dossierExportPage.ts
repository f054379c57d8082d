// Runs inside Chromium, loaded through Vite (see dossierExport.js): seeds a workspace database with
// real files and times the device's PDF report and ZIP export on it, while a probe measures how
// late the page's timers fire (the page must keep answering input during the export).
import { WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import { makeReportPdf } from '$lib/client/services/dossierExport/reportPdf';
import { startZipExport } from '$lib/client/services/dossierExport/zipExport';
import type { DossierEvidence } from '$lib/domain/dossier/snapshot';
import type { ExportSource } from '$lib/domain/dossierExport/exportPlan';
import { reportCatalogue, reportInput, reportSnapshot } from '../fixtures/dossierReport';

export interface SeedSpec {
	database: string;
	evidenceCount: number;
	/** Files with stored bytes: the first `fileCount` evidence items. */
	fileCount: number;
	fileBytes: number;
}

let source: ExportSource | null = null;
let database = '';

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', bytes);
	return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Incompressible bytes behind a JPEG header, as a downscaled photo or a scanned PDF would be. */
function randomFile(size: number): Uint8Array<ArrayBuffer> {
	const bytes = new Uint8Array(size);
	for (let at = 0; at < size; at += 65536) crypto.getRandomValues(bytes.subarray(at, at + 65536));
	bytes.set([0xff, 0xd8, 0xff, 0xe0]);
	return bytes;
}

export async function seed(spec: SeedSpec): Promise<{ files: number; evidence: number; megabytes: number }> {
	database = spec.database;
	const db = new WorkspaceDb(database);
	await db.open();
	const snapshot = reportSnapshot({ evidenceCount: spec.evidenceCount, photoCount: spec.fileCount });
	const evidence: DossierEvidence[] = [];
	let stored = 0;
	for (const [i, e] of snapshot.evidence.entries()) {
		if (i >= spec.fileCount) {
			evidence.push({ ...e, kind: e.attachment ? 'note' : e.kind, attachment: null });
			continue;
		}
		const bytes = randomFile(spec.fileBytes);
		const sha256 = await sha256Hex(bytes);
		await db.attachments.put({
			sha256,
			blob: new Blob([bytes], { type: 'image/jpeg' }),
			mimeType: 'image/jpeg',
			size: bytes.byteLength,
			createdAt: snapshot.preparedAt
		});
		stored += bytes.byteLength;
		const attachment = {
			sha256,
			size: bytes.byteLength,
			mimeType: 'image/jpeg',
			fileName: `IMG_${i + 1}.jpg`
		};
		evidence.push({ ...e, kind: 'photo', attachment });
	}
	db.close();
	source = { snapshot: { ...snapshot, evidence }, catalogue: reportCatalogue, version: 2 };
	return {
		files: Math.min(spec.fileCount, evidence.length),
		evidence: evidence.length,
		megabytes: stored / 1024 / 1024
	};
}

/** The largest delay of a 10 ms timer while `work` runs: how long the page could not answer. */
async function withLagProbe<T>(work: () => Promise<T>): Promise<{ result: T; maxLagMs: number }> {
	let maxLagMs = 0;
	let running = true;
	let last = performance.now();
	const tick = () => {
		const now = performance.now();
		maxLagMs = Math.max(maxLagMs, now - last - 10);
		last = now;
		if (running) setTimeout(tick, 10);
	};
	setTimeout(tick, 10);
	try {
		return { result: await work(), maxLagMs };
	} finally {
		running = false;
	}
}

export async function measurePdf(): Promise<{ ms: number; bytes: number; maxLagMs: number }> {
	const input = reportInput({ snapshot: source!.snapshot });
	const started = performance.now();
	const { result, maxLagMs } = await withLagProbe(() => makeReportPdf(input));
	return { ms: performance.now() - started, bytes: result.size, maxLagMs };
}

export async function measureZip(): Promise<{
	ms: number;
	bytes: number;
	missing: number;
	progressEvents: number;
	firstProgressMs: number;
	maxLagMs: number;
}> {
	const report = new Blob([new TextEncoder().encode('%PDF-1.7\n%%EOF\n')], { type: 'application/pdf' });
	let progressEvents = 0;
	let firstProgressMs = 0;
	const started = performance.now();
	const { result, maxLagMs } = await withLagProbe(() =>
		startZipExport({
			source: source!,
			report,
			workspaceName: database,
			onProgress: () => {
				if (progressEvents++ === 0) firstProgressMs = performance.now() - started;
			}
		})
	);
	return {
		ms: performance.now() - started,
		bytes: result.blob.size,
		missing: result.missing.length,
		progressEvents,
		firstProgressMs,
		maxLagMs
	};
}

export async function cleanUp(): Promise<void> {
	source = null;
	await new WorkspaceDb(database).delete();
}
