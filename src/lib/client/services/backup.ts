import { unzipSync, type Unzipped } from 'fflate';
import { writeBackupZip, type BackupWriteOptions } from '$lib/client/services/backupZip';
import { sameValue, syncedTable } from '$lib/client/db/changes';
import { isQuotaExceeded } from '$lib/client/db/errors';
import { nowIso } from '$lib/client/db/ids';
import { META_KEYS } from '$lib/client/db/meta';
import type { OutboxEntry, StoredAttachment, WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import type { RecordBase } from '$lib/domain/records';
import {
	BACKUP_FORMAT,
	MAX_REPORTED_ERRORS,
	checkBackup,
	type CheckedBackup
} from '$lib/client/services/backupCheck';
import { serverWrittenTables } from '$lib/domain/sync/tables';

/**
 * The whole workspace as one zip, to keep on a stick or move to another device:
 *   manifest.json          format marker, app and database version, counts
 *   tables/<table>.json    every record of each synced table, deleted ones included
 *   catalogues.json        imported catalogues
 *   attachments.json       type, size and date of each stored file
 *   attachments/<sha256>   the file bytes, named by their hash
 * Import checks everything before it writes anything, then writes in one transaction.
 */

export { BACKUP_FORMAT };

export type ImportResult =
	| {
			ok: true;
			/** Records, attachments and catalogues written, by table. */
			counts: Record<string, number>;
			/** Records left alone because this device has the same or a newer version. */
			skipped: number;
	  }
	| { ok: false; errors: string[] };

/** File name for the download, e.g. `guetesiegel-mappe-2026-03-02.zip`. */
export function backupFileName(date = new Date()): string {
	return `guetesiegel-mappe-${date.toISOString().slice(0, 10)}.zip`;
}

/** The whole workspace as a backup archive, streamed (see ./backupZip.ts). */
export function exportWorkspace(target: WorkspaceDb, options: BackupWriteOptions = {}): Promise<Blob> {
	return writeBackupZip(target, options);
}

/**
 * Reads a backup into the workspace. Everything is checked first; a bad file returns German errors
 * and changes nothing. Records are merged by id: the newer `updatedAt` wins, so restoring an old
 * backup never overwrites later work. Every written record gets an outbox entry, so it syncs.
 */
export async function importWorkspace(
	target: WorkspaceDb,
	file: Blob,
	options: { unzip?: (file: Blob) => Promise<Unzipped>; signal?: AbortSignal } = {}
): Promise<ImportResult> {
	let entries: Unzipped;
	try {
		entries = await (options.unzip ?? readEntries)(file);
	} catch (error) {
		if (options.signal?.aborted) throw error;
		return failed(['Die Datei ist keine Sicherung der Gütesiegel-Mappe (kein ZIP-Archiv).']);
	}
	options.signal?.throwIfAborted();
	const checked = await checkBackup(entries, target.verno);
	if (!('manifest' in checked)) return failed(checked.errors);
	// Cancelled while checking: nothing is written (the write below is one transaction, all or nothing).
	options.signal?.throwIfAborted();
	try {
		return await writeBackup(target, checked);
	} catch (error) {
		if (isQuotaExceeded(error)) {
			return failed([
				'Der Speicher dieses Geräts reicht für die Sicherung nicht aus. Es wurde nichts geändert.'
			]);
		}
		console.error('Importing a backup failed', error);
		return failed(['Die Sicherung konnte nicht eingelesen werden. Es wurde nichts geändert.']);
	}
}

async function readEntries(file: Blob): Promise<Unzipped> {
	return unzipSync(new Uint8Array(await file.arrayBuffer()));
}

async function writeBackup(target: WorkspaceDb, backup: CheckedBackup): Promise<ImportResult> {
	const counts: Record<string, number> = {};
	let skipped = 0;
	const attachments: StoredAttachment[] = backup.attachments.map(({ info, bytes }) => ({
		...info,
		blob: new Blob([bytes.slice()], { type: info.mimeType })
	}));
	const tables = [...backup.records.keys()].map((name) => syncedTable(target, name));
	await target.transaction(
		'rw',
		[...tables, target.outbox, target.meta, target.attachments, target.catalogues],
		async () => {
			const now = nowIso();
			for (const [name, records] of backup.records) {
				const table = syncedTable(target, name);
				const existing = await table.bulkGet(records.map((r) => r.id));
				const newer = records.filter((record, i) => isNewer(record, existing[i]));
				skipped += records.length - newer.length;
				counts[name] = newer.length;
				if (newer.length === 0) continue;
				await table.bulkPut(newer);
				// The server refuses device changes to its own tables; their records come back by pull.
				if (serverWrittenTables.has(name)) continue;
				await target.outbox.bulkAdd(
					newer.map((record): OutboxEntry => ({
						table: name,
						recordId: record.id,
						op: record.deleted ? 'delete' : 'put',
						fields: Object.keys(record),
						createdAt: now
					}))
				);
			}
			const present = new Set(
				await target.attachments
					.where('sha256')
					.anyOf(attachments.map((a) => a.sha256))
					.primaryKeys()
			);
			const missing = attachments.filter((a) => !present.has(a.sha256));
			await target.attachments.bulkPut(missing);
			counts.attachments = missing.length;
			const knownCatalogues = new Set(await target.catalogues.toCollection().primaryKeys());
			const newCatalogues = backup.catalogues.filter((c) => !knownCatalogues.has(c.key));
			await target.catalogues.bulkPut(newCatalogues);
			counts.catalogues = newCatalogues.length;

			const active = backup.manifest.activeFacilityId;
			if (active && (await target.facilities.get(active))) {
				await target.meta.put({ key: META_KEYS.facilityId, value: active });
			}
		}
	);
	return { ok: true, counts, skipped };
}

/** The backup's record replaces the local one only if it is not older; equal copies are skipped. */
function isNewer(record: RecordBase, local: RecordBase | undefined): boolean {
	if (!local) return true;
	const diff = Date.parse(record.updatedAt) - Date.parse(local.updatedAt);
	return diff > 0 || (diff === 0 && !sameValue(record, local));
}

function failed(errors: string[]): ImportResult {
	if (errors.length <= MAX_REPORTED_ERRORS) return { ok: false, errors };
	return {
		ok: false,
		errors: [
			...errors.slice(0, MAX_REPORTED_ERRORS),
			`… und ${errors.length - MAX_REPORTED_ERRORS} weitere Fehler.`
		]
	};
}
