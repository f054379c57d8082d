import { z } from 'zod';
import { syncedTableSchemas, isSyncedTableName } from './tables';

/**
 * The values a table's schema fills in when a field is missing (`note: ''`, `deleted: false`, …).
 * A device that creates a record without having seen the server's copy (a deterministic id such as
 * `<facility>:<criterion>`) sends such values without anyone having chosen them, so the merge rules
 * treat them as "not set" (see docs/sync.md, "Concurrent creation").
 */
export function schemaDefaults(schema: z.ZodType): Readonly<Record<string, unknown>> {
	if (!(schema instanceof z.ZodObject)) return {};
	const defaults: Record<string, unknown> = {};
	for (const [field, fieldSchema] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
		const parsed = fieldSchema.safeParse(undefined);
		if (parsed.success && parsed.data !== undefined) defaults[field] = parsed.data;
	}
	return defaults;
}

const byTable = new Map<string, Readonly<Record<string, unknown>>>();

/** `schemaDefaults` of a synced table (none for a table the registry does not know). */
export function tableDefaults(table: string): Readonly<Record<string, unknown>> {
	if (!isSyncedTableName(table)) return {};
	let defaults = byTable.get(table);
	if (!defaults) {
		defaults = schemaDefaults(syncedTableSchemas[table]);
		byTable.set(table, defaults);
	}
	return defaults;
}
