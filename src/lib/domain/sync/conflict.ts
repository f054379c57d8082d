import { z } from 'zod';
import { recordBaseSchema } from '../records';

/**
 * A field that two devices edited at the same time. The server keeps one value and records the
 * other here; a leader resolves it in the app. Conflicts are ordinary synced records, so every
 * device of the centre shows them.
 */
export const syncConflictSchema = recordBaseSchema.extend({
	table: z.string(),
	recordId: z.string(),
	field: z.string(),
	keptValue: z.unknown(),
	otherValue: z.unknown(),
	otherBy: z.string(),
	otherAt: z.iso.datetime({ offset: true }),
	resolved: z.boolean().default(false),
	/** Which value the leader chose. */
	resolution: z.enum(['kept', 'other']).nullable().default(null)
});
export type SyncConflict = z.infer<typeof syncConflictSchema>;
