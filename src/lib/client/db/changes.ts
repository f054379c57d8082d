import type { z } from 'zod';
import { de } from 'zod/locales';
import type { RecordBase } from '$lib/domain/records';
import { syncedTableSchemas } from '$lib/domain/sync/tables';
import {
	RecordNotFoundError,
	RecordValidationError,
	StorageFullError,
	issuesFromZod,
	isQuotaExceeded
} from './errors';
import { nowIso } from './ids';
import { db } from './index';
import { getActor } from './meta';
import { syncedTable, writeRecordAndChange, type AnyRecord } from './syncedRecords';
import type { WorkspaceDb } from './WorkspaceDb';

export { syncedTable, writeRecordAndChange } from './syncedRecords';

/**
 * Every table whose records sync, with the zod schema that every write is checked against: the
 * shared list in `$lib/domain/sync/tables`, which the server uses too. Sync, backup and the write
 * helpers below are driven by it: a new synced table is one line there (plus its `version(n)` in
 * WorkspaceDb).
 */
export const syncedTables = syncedTableSchemas;

export type SyncedTableName = keyof typeof syncedTables;
export type SyncedRecord<T extends SyncedTableName> = z.output<(typeof syncedTables)[T]>;
type Bookkeeping = 'createdAt' | 'updatedAt' | 'updatedBy';
/** A record as a caller writes it: the write helpers set `createdAt`, `updatedAt` and `updatedBy`. */
export type SyncedRecordInput<T extends SyncedTableName> = Omit<
	z.input<(typeof syncedTables)[T]>,
	Bookkeeping
> &
	Partial<Pick<RecordBase, Bookkeeping>>;

// Every synced table must be a table of the database under the same name.
const _everySyncedTableExists: SyncedTableName extends keyof WorkspaceDb ? true : never = true;
void _everySyncedTableExists;

export const syncedTableNames = Object.keys(syncedTables) as SyncedTableName[];

export function isSyncedTable(name: string): name is SyncedTableName {
	return Object.hasOwn(syncedTables, name);
}

/** Fields that change with every write and so never count as "touched" for merging. */
const IMPLIED_FIELDS = new Set(['updatedAt', 'updatedBy']);

const germanErrors = de().localeError;

/** Checks `input` against the table's schema (German messages) and returns the parsed record. */
export function validateRecord<T extends SyncedTableName>(table: T, input: unknown): SyncedRecord<T> {
	const schema = syncedTables[table] as unknown as z.ZodType<SyncedRecord<T>>;
	const result = schema.safeParse(input, { error: germanErrors });
	if (!result.success) throw new RecordValidationError(table, issuesFromZod(result.error));
	return result.data;
}

/**
 * Creates or replaces a record. `fields` names what the change touched; by default the fields whose
 * value differs from the stored record (all fields for a new record). An unchanged record is not
 * written and gets no outbox entry.
 */
export async function putRecord<T extends SyncedTableName>(
	table: T,
	record: SyncedRecordInput<T>,
	fields?: string[]
): Promise<SyncedRecord<T>> {
	const id: unknown = record.id;
	if (typeof id !== 'string' || id === '') {
		throw new RecordValidationError(table, [{ path: 'id', message: 'Die Kennung des Eintrags fehlt.' }]);
	}
	return commit(table, id, () => record, fields);
}

/**
 * Changes some fields of a stored record. With `createWith`, a missing record is created from it
 * first (an upsert, e.g. the status of a criterion touched for the first time); without it, a
 * missing or deleted record is a `RecordNotFoundError`.
 */
export async function updateRecord<T extends SyncedTableName>(
	table: T,
	id: string,
	patch: Partial<SyncedRecordInput<T>>,
	options: { createWith?: SyncedRecordInput<T> } = {}
): Promise<SyncedRecord<T>> {
	return commit(table, id, (existing) => {
		if (existing && !existing.deleted) return { ...existing, ...patch };
		if (options.createWith) return { ...options.createWith, ...patch, deleted: false };
		throw new RecordNotFoundError(table, id);
	});
}

/** Marks a record deleted. The row stays (sync must ship the deletion); the outbox records it. */
export async function softDeleteRecord<T extends SyncedTableName>(
	table: T,
	id: string
): Promise<SyncedRecord<T>> {
	return commit(table, id, (existing) => {
		if (!existing) throw new RecordNotFoundError(table, id);
		return { ...existing, deleted: true };
	});
}

async function commit<T extends SyncedTableName>(
	table: T,
	id: string,
	build: (existing: AnyRecord | undefined) => object,
	fields?: string[]
): Promise<SyncedRecord<T>> {
	const target = db;
	const store = syncedTable(target, table);
	try {
		return await target.transaction('rw', [store, target.outbox, target.meta], async () => {
			const existing = await store.get(id);
			const draft = build(existing) as Partial<AnyRecord>;
			const actor = await getActor(target);
			const now = nowIso();
			const record = validateRecord(table, {
				...draft,
				id,
				createdAt: existing?.createdAt ?? draft.createdAt ?? now,
				updatedAt: now,
				updatedBy: actor.displayName
			});
			if (existing && existing.facilityId !== record.facilityId) {
				throw new RecordValidationError(table, [
					{ path: 'facilityId', message: 'Ein Eintrag kann nicht zu einem anderen Familienzentrum wechseln.' }
				]);
			}
			const touched = fields ?? (existing ? changedFields(existing, record) : Object.keys(record));
			if (existing && touched.length === 0) return existing as SyncedRecord<T>;
			const op = record.deleted && !existing?.deleted ? 'delete' : 'put';
			await writeRecordAndChange(target, table, record, op, touched);
			return record;
		});
	} catch (error) {
		if (isQuotaExceeded(error)) throw new StorageFullError(error);
		throw error;
	}
}

function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
	const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
	return [...keys].filter((key) => !IMPLIED_FIELDS.has(key) && !sameValue(before[key], after[key]));
}

/** Deep equality for JSON-like record values, independent of key order. */
export function sameValue(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	const aRecord = a as Record<string, unknown>;
	const bRecord = b as Record<string, unknown>;
	const aKeys = Object.keys(aRecord).filter((k) => aRecord[k] !== undefined);
	const bKeys = Object.keys(bRecord).filter((k) => bRecord[k] !== undefined);
	return aKeys.length === bKeys.length && aKeys.every((k) => sameValue(aRecord[k], bRecord[k]));
}
