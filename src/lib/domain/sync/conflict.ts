import { z } from 'zod';
import { recordBaseSchema } from '../records';

/**
 * A field that two devices edited at the same time. The server keeps one value and records the
 * other here; a leader resolves it in the app. Conflicts are ordinary synced records, so every
 * device of the centre shows them. There is at most one per record and field (its id is derived from
 * them): a later clash on the same field updates it, or opens it again once resolved.
 */
export const syncConflictSchema = recordBaseSchema.extend({
	table: z.string(),
	recordId: z.string(),
	field: z.string(),
	keptValue: z.unknown(),
	otherValue: z.unknown(),
	otherBy: z.string(),
	otherAt: z.iso.datetime({ offset: true }),
	/**
	 * Display name of whoever wrote the kept value, and when, if the server knows (conflicts stored
	 * before it recorded them have neither). Team members' names only: no data of families.
	 */
	keptBy: z.string().max(120).default(''),
	keptAt: z.iso.datetime({ offset: true }).nullable().default(null),
	/** For a conflict on `deleted`: the fields the editing side changed (see FieldConflict). */
	changedFields: z.array(z.string()).default([]),
	resolved: z.boolean().default(false),
	/** Which value the leader chose; „both“ joined two texts. */
	resolution: z.enum(['kept', 'other', 'both']).nullable().default(null)
});
export type SyncConflict = z.infer<typeof syncConflictSchema>;
