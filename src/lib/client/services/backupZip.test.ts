import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { blobOf, freshWorkspace, useCloneableBlob } from '../../../../tests/fixtures/db/testWorkspace';
import { storeAttachment } from '$lib/client/db/attachments';
import type { BackupProgress } from '$lib/domain/backup/progress';
import { importWorkspace } from './backup';
import { unzipBackupFile } from './backupUnzip';
import { writeBackupZip } from './backupZip';

useCloneableBlob();

async function workspaceWithFiles(sizes: number[]) {
	const db = await freshWorkspace();
	for (const [i, size] of sizes.entries()) {
		const bytes = new Uint8Array(size).fill(i + 1);
		await storeAttachment(String(i + 1).repeat(64), blobOf(bytes, 'application/pdf'), 'application/pdf');
	}
	return db;
}

describe('writeBackupZip', () => {
	it('tells files and bytes n of m, slice by slice, and writes every file', async () => {
		const db = await workspaceWithFiles([3 * 1024 * 1024, 1000]);
		const seen: BackupProgress[] = [];
		const blob = await writeBackupZip(db, { onProgress: (p) => seen.push(p) });
		expect(seen[0]).toEqual({
			filesDone: 0,
			filesTotal: 2,
			bytesDone: 0,
			bytesTotal: 3 * 1024 * 1024 + 1000
		});
		expect(seen.at(-1)).toEqual({
			filesDone: 2,
			filesTotal: 2,
			bytesDone: 3 * 1024 * 1024 + 1000,
			bytesTotal: 3 * 1024 * 1024 + 1000
		});
		// The large file went in more than one slice.
		expect(seen.filter((p) => p.filesDone === 0 && p.bytesDone > 0).length).toBeGreaterThan(1);
		const entries = unzipSync(new Uint8Array(await blob.arrayBuffer()));
		expect(entries[`attachments/${'1'.repeat(64)}`]).toHaveLength(3 * 1024 * 1024);
		expect(entries['manifest.json']).toBeDefined();
	});

	it('stops when cancelled and gives no archive', async () => {
		const db = await workspaceWithFiles([3 * 1024 * 1024, 1000]);
		const controller = new AbortController();
		const result = writeBackupZip(db, {
			signal: controller.signal,
			onProgress: (p) => {
				if (p.bytesDone > 0) controller.abort();
			}
		});
		await expect(result).rejects.toThrow();
	});
});

describe('unzipBackupFile', () => {
	it('reads the archive slice by slice, telling the bytes read, with every entry', async () => {
		const db = await workspaceWithFiles([3 * 1024 * 1024, 1000]);
		const blob = await writeBackupZip(db);
		const read: number[] = [];
		const entries = await unzipBackupFile(blob, (done, total) => {
			expect(total).toBe(blob.size);
			read.push(done);
		});
		expect(read.at(-1)).toBe(blob.size);
		expect(read.length).toBeGreaterThan(2);
		expect(entries[`attachments/${'1'.repeat(64)}`]).toHaveLength(3 * 1024 * 1024);
		expect(Object.keys(entries)).toContain('manifest.json');
	});

	it('says in German when the file is no ZIP archive', async () => {
		await expect(unzipBackupFile(new Blob(['kein zip']))).rejects.toThrow('kein ZIP-Archiv');
	});
});

describe('importWorkspace cancelled', () => {
	it('writes nothing when cancelled before the write', async () => {
		const source = await workspaceWithFiles([1000]);
		const blob = await writeBackupZip(source);
		const target = await freshWorkspace();
		const controller = new AbortController();
		const unzip = async (file: Blob) => {
			const entries = await unzipBackupFile(file);
			controller.abort();
			return entries;
		};
		await expect(importWorkspace(target, blob, { unzip, signal: controller.signal })).rejects.toThrow();
		expect(await target.attachments.count()).toBe(0);
		expect(await target.outbox.count()).toBe(0);
	});
});
