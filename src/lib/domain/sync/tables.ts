import type { z } from 'zod';
import { criterionStatusSchema, evidenceSchema, facilityProfileSchema, type RecordBase } from '../records';
import { criterionFeedbackSchema } from '../dossier';
import { registerCitationSchema } from '../registers/citations';
import { registerTables } from '../registers/tables';
import { syncConflictSchema } from './conflict';

/**
 * Every synced table with the zod schema its records are checked against, on the device before a
 * write and on the server after a merge. Sync is driven by this list alone: a table added here (and
 * as a Dexie table on the client) syncs without new sync code. Records must extend `recordBaseSchema`.
 */
export const syncedTableSchemas = {
	facilities: facilityProfileSchema,
	criterionStatuses: criterionStatusSchema,
	evidence: evidenceSchema,
	syncConflicts: syncConflictSchema,
	// The Fachberatung's feedback: written by the server (/api/review), read-only for devices.
	criterionFeedback: criterionFeedbackSchema,
	...registerTables,
	// Register entries a criterion cites as evidence (issue 4).
	registerCitations: registerCitationSchema
} satisfies Record<string, z.ZodType<RecordBase>>;

export type SyncedTableName = keyof typeof syncedTableSchemas;

export function isSyncedTableName(name: string): name is SyncedTableName {
	return Object.hasOwn(syncedTableSchemas, name);
}

/**
 * Tables only the server writes (the Fachberatung's feedback through /api/review). Devices pull them
 * and never queue changes for them: the server would refuse every one.
 */
export const serverWrittenTables: ReadonlySet<SyncedTableName> = new Set(['criterionFeedback']);
