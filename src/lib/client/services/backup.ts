import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped, type Zippable } from 'fflate';
import { z } from 'zod';
import { version as appVersion } from '../../../../package.json';
import { catalogueKey } from '$lib/client/services/catalogue';
import { sha256Hex } from '$lib/client/db/attachments';
import {
	sameValue,
	syncedTable,
	syncedTableNames,
	isSyncedTable,
	validateRecord,
	type SyncedTableName
} from '$lib/client/db/changes';
import { RecordValidationError, isQuotaExceeded } from '$lib/client/db/errors';
import { nowIso } from '$lib/client/db/ids';
import { META_KEYS, getActiveFacilityId } from '$lib/client/db/meta';
import type { OutboxEntry, StoredAttachment, StoredCatalogue, WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import { catalogueSchema } from '$lib/domain/catalogue/schema';
import type { RecordBase } from '$lib/domain/records';
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

export const BACKUP_FORMAT = 'guetesiegel-mappe-backup/1';
const MAX_REPORTED_ERRORS = 50;

const isoDateTime = z.iso.datetime({ offset: true });
const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

const manifestSchema = z.object({
	format: z.literal(BACKUP_FORMAT),
	appVersion: z.string(),
	exportedAt: isoDateTime,
	dbVersion: z.number().int().min(1),
	activeFacilityId: z.string().nullable(),
	tables: z.array(z.string()),
	counts: z.record(z.string(), z.number().int().min(0))
});
type Manifest = z.infer<typeof manifestSchema>;

const attachmentInfoSchema = z.object({
	sha256: sha256Schema,
	mimeType: z.string().min(1).max(120),
	size: z.number().int().min(0),
	createdAt: isoDateTime
});
type AttachmentInfo = z.infer<typeof attachmentInfoSchema>;

const storedCatalogueSchema = z.object({
	key: z.string(),
	catalogue: catalogueSchema,
	importedAt: isoDateTime
});

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

export async function exportWorkspace(target: WorkspaceDb): Promise<Blob> {
	const tables = syncedTableNames.map((name) => syncedTable(target, name));
	// One read transaction, so the backup is a consistent snapshot even while another tab writes.
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

	const files: Zippable = {};
	const counts: Record<string, number> = {};
	syncedTableNames.forEach((name, i) => {
		files[`tables/${name}.json`] = json(snapshot.rows[i]);
		counts[name] = snapshot.rows[i].length;
	});
	files['catalogues.json'] = json(snapshot.catalogues);
	counts.catalogues = snapshot.catalogues.length;
	const infos: AttachmentInfo[] = [];
	for (const attachment of snapshot.attachments) {
		const bytes = new Uint8Array(await attachment.blob.arrayBuffer());
		// Photos and PDFs are compressed already; storing them as they are keeps export fast.
		files[`attachments/${attachment.sha256}`] = [bytes, { level: 0 }];
		const { sha256, mimeType, createdAt } = attachment;
		infos.push({ sha256, mimeType, size: bytes.length, createdAt });
	}
	files['attachments.json'] = json(infos);
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
	files['manifest.json'] = json(manifest);
	return new Blob([zipSync(files, { level: 6 })], { type: 'application/zip' });
}

interface CheckedBackup {
	manifest: Manifest;
	records: Map<SyncedTableName, RecordBase[]>;
	catalogues: StoredCatalogue[];
	attachments: { info: AttachmentInfo; bytes: Uint8Array }[];
}

/**
 * Reads a backup into the workspace. Everything is checked first; a bad file returns German errors
 * and changes nothing. Records are merged by id: the newer `updatedAt` wins, so restoring an old
 * backup never overwrites later work. Every written record gets an outbox entry, so it syncs.
 */
export async function importWorkspace(target: WorkspaceDb, file: Blob): Promise<ImportResult> {
	let entries: Unzipped;
	try {
		entries = unzipSync(new Uint8Array(await file.arrayBuffer()));
	} catch {
		return failed(['Die Datei ist keine Sicherung der Gütesiegel-Mappe (kein ZIP-Archiv).']);
	}
	const checked = await checkBackup(entries, target.verno);
	if (!('manifest' in checked)) return failed(checked.errors);
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

async function checkBackup(
	entries: Unzipped,
	dbVersion: number
): Promise<CheckedBackup | { errors: string[] }> {
	const errors: string[] = [];
	const manifestJson = readJson(entries, 'manifest.json', errors);
	if (manifestJson === undefined) {
		return {
			errors: ['Die Datei ist keine Sicherung der Gütesiegel-Mappe (manifest.json fehlt).', ...errors]
		};
	}
	const format = (manifestJson as { format?: unknown } | null)?.format;
	if (typeof format !== 'string') {
		return {
			errors: ['Die Datei ist keine Sicherung der Gütesiegel-Mappe (Formatkennung fehlt).', ...errors]
		};
	}
	if (format !== BACKUP_FORMAT) {
		return {
			errors: [
				`Die Datei ist keine Sicherung der Gütesiegel-Mappe in einem bekannten Format (Kennung „${format}“ statt „${BACKUP_FORMAT}“).`
			]
		};
	}
	const parsedManifest = manifestSchema.safeParse(manifestJson);
	if (!parsedManifest.success) {
		return { errors: ['manifest.json ist unvollständig oder beschädigt.'] };
	}
	const manifest = parsedManifest.data;
	if (manifest.dbVersion > dbVersion) {
		return {
			errors: [
				`Die Sicherung stammt aus einer neueren Version der App (${manifest.appVersion}). Bitte zuerst die App aktualisieren.`
			]
		};
	}

	const records = new Map<SyncedTableName, RecordBase[]>();
	for (const table of manifest.tables) {
		if (!isSyncedTable(table)) {
			errors.push(`Die Sicherung enthält die unbekannte Tabelle „${table}“.`);
			continue;
		}
		records.set(table, checkTable(entries, table, manifest.counts[table], errors));
	}

	const catalogues = checkCatalogues(entries, manifest.counts.catalogues, errors);
	const attachments = await checkAttachments(entries, manifest.counts.attachments, errors);
	return errors.length > 0 ? { errors } : { manifest, records, catalogues, attachments };
}

function checkTable(entries: Unzipped, table: SyncedTableName, count: number | undefined, errors: string[]) {
	const path = `tables/${table}.json`;
	const rows = readJson(entries, path, errors);
	if (rows === undefined) errors.push(`${path} fehlt.`);
	else if (rows !== null && !Array.isArray(rows)) errors.push(`${path}: keine Liste von Einträgen.`);
	if (!Array.isArray(rows)) return [];
	if (count !== rows.length)
		errors.push(`${path}: ${rows.length} Einträge, laut manifest.json ${count ?? 0}.`);
	const seen = new Set<string>();
	const valid: RecordBase[] = [];
	rows.forEach((row: unknown, index) => {
		const where = `${path}, Eintrag ${index + 1}`;
		try {
			const record = validateRecord(table, row);
			if (seen.has(record.id)) errors.push(`${where}: die Kennung „${record.id}“ kommt doppelt vor.`);
			seen.add(record.id);
			valid.push(record);
		} catch (error) {
			if (!(error instanceof RecordValidationError)) throw error;
			for (const issue of error.issues) {
				errors.push(`${where}${issue.path ? `, Feld „${issue.path}“` : ''}: ${issue.message}`);
			}
		}
	});
	return valid;
}

function checkCatalogues(entries: Unzipped, count: number | undefined, errors: string[]): StoredCatalogue[] {
	const rows = readJson(entries, 'catalogues.json', errors);
	if (rows === undefined || rows === null) return [];
	if (!Array.isArray(rows)) {
		errors.push('catalogues.json: keine Liste von Katalogen.');
		return [];
	}
	if (count !== undefined && count !== rows.length) {
		errors.push(`catalogues.json: ${rows.length} Kataloge, laut manifest.json ${count}.`);
	}
	const valid: StoredCatalogue[] = [];
	rows.forEach((row: unknown, index) => {
		const parsed = storedCatalogueSchema.safeParse(row);
		if (!parsed.success) errors.push(`catalogues.json, Katalog ${index + 1}: ungültig.`);
		else if (parsed.data.key !== catalogueKey(parsed.data.catalogue.id, parsed.data.catalogue.version)) {
			errors.push(`catalogues.json, Katalog ${index + 1}: Schlüssel passt nicht zu Kennung und Version.`);
		} else valid.push(parsed.data);
	});
	return valid;
}

async function checkAttachments(entries: Unzipped, count: number | undefined, errors: string[]) {
	const rows = readJson(entries, 'attachments.json', errors);
	const infos = z.array(attachmentInfoSchema).safeParse(rows ?? []);
	if (!infos.success) {
		errors.push('attachments.json ist beschädigt.');
		return [];
	}
	if (count !== undefined && count !== infos.data.length) {
		errors.push(`attachments.json: ${infos.data.length} Dateien, laut manifest.json ${count}.`);
	}
	const listed = new Set(infos.data.map((info) => info.sha256));
	for (const path of Object.keys(entries)) {
		if (path.startsWith('attachments/') && !listed.has(path.slice('attachments/'.length))) {
			errors.push(`${path}: Datei steht nicht in attachments.json.`);
		}
	}
	const checked: { info: AttachmentInfo; bytes: Uint8Array }[] = [];
	for (const info of infos.data) {
		const path = `attachments/${info.sha256}`;
		const bytes = entries[path];
		if (!bytes) errors.push(`${path} fehlt.`);
		else if (bytes.length !== info.size || (await sha256Hex(bytes.slice())) !== info.sha256) {
			errors.push(`${path}: Die Datei ist beschädigt oder wurde verändert (Prüfsumme stimmt nicht).`);
		} else checked.push({ info, bytes });
	}
	return checked;
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

function readJson(entries: Unzipped, path: string, errors: string[]): unknown {
	const bytes = entries[path];
	if (!bytes) return undefined;
	try {
		return JSON.parse(strFromU8(bytes));
	} catch {
		errors.push(`${path} ist kein gültiges JSON.`);
		return null;
	}
}

function json(value: unknown): Uint8Array {
	return strToU8(JSON.stringify(value));
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
