import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { blobOf, freshWorkspace, useCloneableBlob } from '../../../../tests/fixtures/db/testWorkspace';
import { storeAttachment } from '$lib/client/db/attachments';
import type { BackupProgress } from '$lib/domain/backup/progress';
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
