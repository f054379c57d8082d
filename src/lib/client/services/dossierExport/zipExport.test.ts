import { strFromU8, unzipSync } from 'fflate';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { blobOf, freshWorkspace, useCloneableBlob } from '../../../../../tests/fixtures/db/testWorkspace';
import type { WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import type { ZipProgress } from '$lib/domain/dossierExport/dossierZip';
import { INDEX_FILE, MISSING_FILE, REPORT_FILE } from '$lib/domain/dossierExport/exportPlan';
import { MISSING_REASONS } from '$lib/domain/dossierExport/indexCsv';
import {
	exportSource,
	fixtureFiles,
	type FixtureFile
} from '$lib/domain/dossierExport/testing/exportFixture';
import { filesNotOnDevice, startZipExport } from './zipExport';
import { sha256Hex, writeZipExport } from './zipWrite';

useCloneableBlob();

const report = () => blobOf(new TextEncoder().encode('%PDF-1.7\n%%EOF\n'), 'application/pdf');

let workspace: WorkspaceDb;
let files: FixtureFile[];

/** Stores all files but the photo on the device. */
beforeEach(async () => {
	workspace = await freshWorkspace();
	files = await fixtureFiles(5 * 1024 * 1024);
	for (const file of files.filter((f) => f.id !== 'ev-foto')) {
		await workspace.attachments.put({
			sha256: file.sha256,
			blob: blobOf(file.bytes, file.mimeType),
			mimeType: file.mimeType,
			size: file.bytes.byteLength,
			createdAt: '2026-03-01T10:00:00.000Z'
		});
	}
});

async function entriesOf(blob: Blob) {
	return unzipSync(new Uint8Array(await blob.arrayBuffer()));
}

function indexPaths(csv: string): string[] {
	return csv
		.replace(/^\uFEFF/, '')
		.trim()
		.split('\r\n')
		.slice(1)
		.map((line) => line.split(';')[0].replace(/^"|"$/g, ''));
}

describe('startZipExport', () => {
	it('writes the files on the device, lists the rest as missing, and the index equals the listing', async () => {
		vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
		const progress: ZipProgress[] = [];
		const result = await startZipExport({
			source: exportSource(files),
			report: report(),
			workspaceName: workspace.name,
			onProgress: (p) => progress.push(p)
		});

		const root = result.fileName.replace(/\.zip$/, '');
		expect(result.fileName).toBe('Mappe Familienzentrum Am Park KJ 2025 26 V2.zip');
		expect(result.blob.type).toBe('application/zip');
		const entries = await entriesOf(result.blob);
		expect(Object.keys(entries).sort()).toEqual(
			indexPaths(strFromU8(entries[`${root}/${INDEX_FILE}`])).sort()
		);
		expect(strFromU8(entries[`${root}/${REPORT_FILE}`])).toContain('%PDF');
		for (const file of files.filter((f) => f.id !== 'ev-foto')) {
			const paths = Object.keys(entries).filter((p) => p.includes(file.title.slice(0, 10)));
			expect(paths.length).toBeGreaterThan(0);
			for (const path of paths) expect(await sha256Hex(entries[path])).toBe(file.sha256);
		}
		expect(result.missing.map((f) => f.evidenceId)).toEqual(['ev-foto']);
		const missingText = strFromU8(entries[`${root}/${MISSING_FILE}`]);
		expect(missingText).toContain('Aushang Sprechstunde');
		expect(missingText).toContain(MISSING_REASONS.notOnDevice);
		// Per file and every few MB while a large one streams in.
		expect(progress.filter((p) => p.phase === 'files').length).toBeGreaterThan(files.length + 3);
		expect(progress.at(-1)).toMatchObject({ phase: 'done' });
	});

	it('stops when cancelled and rejects with an AbortError', async () => {
		const stop = new AbortController();
		const run = startZipExport({
			source: exportSource(files),
			report: report(),
			workspaceName: workspace.name,
			signal: stop.signal,
			onProgress: (p) => {
				if (p.bytesDone > 1024 * 1024) stop.abort();
			}
		});
		await expect(run).rejects.toMatchObject({ name: 'AbortError' });
	});
});

describe('writeZipExport', () => {
	it('fetches a file missing on the device from the server when online and checks its hash', async () => {
		const photo = files.find((f) => f.id === 'ev-foto')!;
		const asked: string[] = [];
		const result = await writeZipExport({
			source: exportSource(files),
			report: report(),
			workspace,
			online: true,
			fetchFile: async (url) => {
				asked.push(String(url));
				return new Response(photo.bytes as Uint8Array<ArrayBuffer>);
			}
		});
		expect(asked).toEqual([`/api/sync/attachments/${photo.sha256}`]);
		expect(result.missing).toEqual([]);
		const entries = await entriesOf(result.blob);
		const path = Object.keys(entries).find((p) => p.includes('Aushang'))!;
		expect(await sha256Hex(entries[path])).toBe(photo.sha256);
	});

	it('leaves out a file whose downloaded bytes do not match the hash', async () => {
		const result = await writeZipExport({
			source: exportSource(files),
			report: report(),
			workspace,
			online: true,
			fetchFile: async () => new Response('nicht das Foto')
		});
		expect(result.missing.map((f) => f.evidenceId)).toEqual(['ev-foto']);
		const entries = await entriesOf(result.blob);
		const text = Object.entries(entries).find(([p]) => p.endsWith(MISSING_FILE))![1];
		expect(strFromU8(text)).toContain(MISSING_REASONS.hashMismatch);
	});
});

describe('filesNotOnDevice', () => {
	it('names the files whose bytes this device lacks', async () => {
		const photo = files.find((f) => f.id === 'ev-foto')!;
		expect(await filesNotOnDevice(exportSource(files))).toEqual(new Set([photo.sha256]));
	});
});
