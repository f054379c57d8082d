import { ZipOutput } from '$lib/client/media/zipOutput';
import { strToU8, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { version as appVersion } from '../../../../package.json';
import { syncedTable, syncedTableNames } from '$lib/client/db/changes';
import { nowIso } from '$lib/client/db/ids';
import { getActiveFacilityId } from '$lib/client/db/meta';
import type { WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import type { BackupProgress } from '$lib/domain/backup/progress';
import { BACKUP_FORMAT, type AttachmentInfo, type Manifest } from '$lib/client/services/backupCheck';

/**
 * The backup archive (format in ./backup.ts), written as a stream: each stored file goes in slice
 * by slice and the archive is gathered into Blobs of a few MB, which the browser may keep outside
 * the JS heap, so a backup of hundreds of MB never sits in memory at once. Runs in a worker
 * (./backup.worker.ts) or, where there is none, on the page.
 */

const SLICE_BYTES = 2 * 1024 * 1024;

export interface BackupWriteOptions {
	signal?: AbortSignal;
	onProgress?: (progress: BackupProgress) => void;
}

export async function writeBackupZip(target: WorkspaceDb, options: BackupWriteOptions = {}): Promise<Blob> {
	const { signal, onProgress } = options;
	const tables = syncedTableNames.map((name) => syncedTable(target, name));
	// One read transaction, so the backup is a consistent snapshot even while another tab writes.
	// Attachments come as Blob handles: their bytes are read only below, slice by slice.
	const snapshot = await target.transaction(
		'r',
		[...tables, target.catalogues, target.attachments, target.meta],
		async () => ({
			rows: await Promise.all(tables.map((table) => table.toArray())),
			catalogues: await target.catalogues.toArray(),
			attachments: await target.attachments.toArray(),
			activeFacilityId: await getActiveFacilityId(target)
		})
	);
	signal?.throwIfAborted();

	const output = new ZipOutput();
	let failure: Error | null = null;
	const zip = new Zip((error, chunk) => {
		if (error) failure = error;
		else output.add(chunk);
	});
	const addJson = (path: string, value: unknown) => {
		const entry = new ZipDeflate(path, { level: 6 });
		zip.add(entry);
		entry.push(strToU8(JSON.stringify(value)), true);
	};

	const counts: Record<string, number> = {};
	syncedTableNames.forEach((name, i) => {
		addJson(`tables/${name}.json`, snapshot.rows[i]);
		counts[name] = snapshot.rows[i].length;
	});
	addJson('catalogues.json', snapshot.catalogues);
	counts.catalogues = snapshot.catalogues.length;

	const progress: BackupProgress = {
		filesDone: 0,
		filesTotal: snapshot.attachments.length,
		bytesDone: 0,
		bytesTotal: snapshot.attachments.reduce((sum, a) => sum + a.blob.size, 0)
	};
	onProgress?.({ ...progress });
	const infos: AttachmentInfo[] = [];
	for (const attachment of snapshot.attachments) {
		// Photos and PDFs are compressed already; storing them as they are keeps export fast.
		const entry = new ZipPassThrough(`attachments/${attachment.sha256}`);
		zip.add(entry);
		const { blob } = attachment;
		for (let start = 0; start < blob.size; start += SLICE_BYTES) {
			const slice = new Uint8Array(await blob.slice(start, start + SLICE_BYTES).arrayBuffer());
			signal?.throwIfAborted();
			entry.push(slice);
			progress.bytesDone += slice.byteLength;
			onProgress?.({ ...progress });
		}
		entry.push(new Uint8Array(0), true);
		if (failure) throw failure;
		const { sha256, mimeType, createdAt } = attachment;
		infos.push({ sha256, mimeType, size: blob.size, createdAt });
		progress.filesDone += 1;
		onProgress?.({ ...progress });
	}
	addJson('attachments.json', infos);
	counts.attachments = infos.length;
	const manifest: Manifest = {
		format: BACKUP_FORMAT,
		appVersion,
		exportedAt: nowIso(),
		dbVersion: target.verno,
		activeFacilityId: snapshot.activeFacilityId,
		tables: [...syncedTableNames],
		counts
	};
	addJson('manifest.json', manifest);
	zip.end();
	if (failure) throw failure;
	return output.finish();
}
