import { plural } from '$lib/domain/plural';
import { strFromU8, type Unzipped } from 'fflate';
import { z } from 'zod';
import { sha256Hex } from '$lib/client/db/attachments';
import { catalogueKey } from '$lib/client/services/catalogue';
import { isSyncedTable, validateRecord, type SyncedTableName } from '$lib/client/db/changes';
import { RecordValidationError } from '$lib/client/db/errors';
import type { StoredCatalogue } from '$lib/client/db/WorkspaceDb';
import { catalogueSchema } from '$lib/domain/catalogue/schema';
import type { RecordBase } from '$lib/domain/records';

/** The backup's format, and the checks an import runs before it writes anything. */

export const BACKUP_FORMAT = 'guetesiegel-mappe-backup/1';
export const MAX_REPORTED_ERRORS = 50;

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
export type Manifest = z.infer<typeof manifestSchema>;

const attachmentInfoSchema = z.object({
	sha256: sha256Schema,
	mimeType: z.string().min(1).max(120),
	size: z.number().int().min(0),
	createdAt: isoDateTime
});
export type AttachmentInfo = z.infer<typeof attachmentInfoSchema>;

const storedCatalogueSchema = z.object({
	key: z.string(),
	catalogue: catalogueSchema,
	importedAt: isoDateTime
});

export interface CheckedBackup {
	manifest: Manifest;
	records: Map<SyncedTableName, RecordBase[]>;
	catalogues: StoredCatalogue[];
	attachments: { info: AttachmentInfo; bytes: Uint8Array }[];
}

export async function checkBackup(
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
		errors.push(`${path}: ${plural(rows.length, 'Eintrag', 'Einträge')}, laut manifest.json ${count ?? 0}.`);
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
		errors.push(
			`attachments.json: ${plural(infos.data.length, 'Datei', 'Dateien')}, laut manifest.json ${count}.`
		);
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
