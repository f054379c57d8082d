import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { DossierRegisterTable } from '../dossier/snapshot';
import { rootFile, REGISTER_FOLDER, type ExportFile, type ExportPlan } from './exportPlan';
import { exportIndexCsv, missingText, type MissingExportFile } from './indexCsv';

/**
 * Writes the export for the certification body as a ZIP, streamed: every file goes into the
 * archive in slices and every piece of output is handed to `write` at once, so neither the device
 * (client/services/dossierExport) nor the server (server/dossierExport) holds the whole archive.
 * Evidence files are stored as they are (photos and PDFs are compressed already), the texts
 * deflated. Where the bytes come from and where the output goes is the caller's; this only decides
 * the order: report, evidence, register tables, the list of missing files, and last the index,
 * which can only be written once it is known which files made it in.
 */

export type ZipPhase = 'files' | 'index' | 'done';

export interface ZipProgress {
	phase: ZipPhase;
	filesDone: number;
	filesTotal: number;
	/** Bytes of the files put in so far (before compression), of `bytesTotal` expected. */
	bytesDone: number;
	bytesTotal: number;
}

/** An evidence file's bytes in slices, or why they cannot be had (German, for the missing list). */
export type EvidenceBytes = AsyncIterable<Uint8Array> | { missing: string };

export interface DossierZipIo {
	plan: ExportPlan;
	registerTables: readonly DossierRegisterTable[];
	/** The report as PDF bytes. */
	report: Uint8Array;
	evidence(file: ExportFile): Promise<EvidenceBytes>;
	sha256(bytes: Uint8Array): Promise<string>;
	/** Takes a piece of the archive; the writer waits for it before it reads on (back pressure). */
	write(chunk: Uint8Array): void | Promise<void>;
	/** Date of every entry (the hand-in's), so the same version gives the same listing. */
	modified: Date;
	signal?: AbortSignal;
	onProgress?: (progress: ZipProgress) => void;
}

export interface DossierZipResult {
	/** The files in the ZIP as the index lists them, with size and hash. */
	included: ExportFile[];
	missing: MissingExportFile[];
}

/**
 * fflate writes ZIP files without the ZIP64 extension: at most 65,535 entries and 4 GB. A dossier
 * stays far below (files are at most a few MB each); past that the export refuses clearly instead
 * of writing an archive no program can open.
 */
const MAX_ENTRIES = 65_000;
const MAX_BYTES = 4_000_000_000;
export const TOO_LARGE_MESSAGE =
	'Die Mappe ist für eine ZIP-Datei zu groß (höchstens 65.000 Dateien und 4 GB). Bitte die Fachberatung ansprechen.';

/** How many bytes between two progress events while a large file streams in. */
const PROGRESS_EVERY_BYTES = 4 * 1024 * 1024;

export async function writeDossierZip(io: DossierZipIo): Promise<DossierZipResult> {
	const { plan, signal } = io;
	const encoder = new TextEncoder();
	const pending: Uint8Array[] = [];
	let failure: Error | null = null;
	const zip = new Zip((error, chunk) => {
		if (error) failure = error;
		else pending.push(chunk);
	});
	const flush = async () => {
		if (failure) throw failure;
		while (pending.length > 0) await io.write(pending.shift()!);
	};
	const prefix = `${plan.root}/`;
	const entry = (file: ExportFile, compress: boolean) => {
		const stream = compress
			? new ZipDeflate(prefix + file.path, { level: 6 })
			: new ZipPassThrough(prefix + file.path);
		stream.mtime = io.modified;
		zip.add(stream);
		return stream;
	};

	const registers = plan.files.filter((f) => f.kind === 'register');
	const evidence = plan.files.filter((f) => f.kind === 'evidence');
	const progress: ZipProgress = {
		phase: 'files',
		filesDone: 0,
		filesTotal: plan.files.length + 2,
		bytesDone: 0,
		bytesTotal:
			io.report.byteLength +
			evidence.reduce((sum, f) => sum + (f.size ?? 0), 0) +
			io.registerTables.reduce((sum, t) => sum + encoder.encode(t.csv).byteLength, 0)
	};
	if (progress.filesTotal > MAX_ENTRIES || progress.bytesTotal > MAX_BYTES)
		throw new Error(TOO_LARGE_MESSAGE);
	const report = (phase: ZipPhase = progress.phase) => {
		progress.phase = phase;
		io.onProgress?.({ ...progress });
	};

	const included: ExportFile[] = [];
	const missing: MissingExportFile[] = [];
	const putWhole = async (file: ExportFile, bytes: Uint8Array, compress: boolean) => {
		signal?.throwIfAborted();
		entry(file, compress).push(bytes, true);
		await flush();
		included.push({ ...file, size: bytes.byteLength, sha256: await io.sha256(bytes) });
		progress.filesDone++;
		progress.bytesDone += bytes.byteLength;
		report();
	};

	try {
		report();
		await putWhole(rootFile('report', 'application/pdf'), io.report, false);

		for (const file of evidence) {
			signal?.throwIfAborted();
			const bytes = await io.evidence(file);
			if ('missing' in bytes) {
				missing.push({ file, reason: bytes.missing });
				progress.bytesDone += file.size ?? 0;
			} else {
				const stream = entry(file, false);
				let size = 0;
				let sinceReport = 0;
				for await (const chunk of bytes) {
					signal?.throwIfAborted();
					stream.push(chunk);
					await flush();
					size += chunk.byteLength;
					sinceReport += chunk.byteLength;
					progress.bytesDone += chunk.byteLength;
					if (sinceReport >= PROGRESS_EVERY_BYTES) {
						sinceReport = 0;
						report();
					}
				}
				stream.push(new Uint8Array(0), true);
				await flush();
				included.push({ ...file, size });
			}
			progress.filesDone++;
			report();
		}

		for (const file of registers) {
			const table = io.registerTables.find((t) => `${REGISTER_FOLDER}/${t.fileName}` === file.path);
			if (table) await putWhole(file, encoder.encode(table.csv), true);
		}

		report('index');
		if (missing.length > 0) {
			await putWhole(rootFile('missing', 'text/plain'), encoder.encode(missingText(plan, missing)), true);
		}
		const index = rootFile('index', 'text/csv');
		const indexBytes = encoder.encode(exportIndexCsv(plan, [...included, index]));
		signal?.throwIfAborted();
		entry(index, true).push(indexBytes, true);
		included.push({ ...index, size: indexBytes.byteLength });
		zip.end();
		await flush();
		progress.filesDone = progress.filesTotal = included.length;
		report('done');
		return { included, missing };
	} catch (error) {
		zip.terminate();
		throw error;
	}
}
