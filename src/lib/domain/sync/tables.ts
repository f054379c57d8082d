import type { z } from 'zod';
import { criterionStatusSchema, evidenceSchema, facilityProfileSchema, type RecordBase } from '../records';
import { criterionFeedbackSchema } from '../dossier/feedback';
import { feedbackMessageSchema } from '../dossier/feedbackThread';
import { registerCitationId, registerCitationSchema } from '../registers/citations';
import { preventionProfileId } from '../registers/names';
import { registerTables } from '../registers/tables';
import { certificationRoundSchema } from '../rounds/schema';
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
	registerCitations: registerCitationSchema,
	// Certification rounds (issue 13).
	certificationRounds: certificationRoundSchema,
	// The conversation per criterion (issue 15): the advisor's messages come from the server, the
	// centre's answers from its devices; a message is never changed once written.
	feedbackMessages: feedbackMessageSchema
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

/**
 * How a table's record ids are made from the facility id, for the tables whose ids are (so that two
 * devices meet in one record). Every other table uses random ids (`newId()`, the server's UUIDs),
 * which another centre cannot guess.
 *
 * For these tables the server takes the facility from the id, never from the record: only a user
 * of that facility may create or change such a record, and the refusal for anyone else is the same
 * whether or not the record exists (docs/sync.md, "Ids made from the facility").
 */
interface DerivedIdRule {
	/** Whether the id is of the derived kind at all (citations: only those of the prevention profile). */
	derived(recordId: string): boolean;
	/** Whether the id is one the facility may hold. */
	belongsTo(recordId: string, facilityId: string): boolean;
}

const always = () => true;
/** `${facilityId}:…` (criterionStatusId, criterionFeedbackId). */
const prefixedByFacility: DerivedIdRule = {
	derived: always,
	belongsTo: (id, facilityId) => id.length > facilityId.length + 1 && id.startsWith(`${facilityId}:`)
};

/** The part of a citation id before the cited entry's id, for the prevention profile: `~prp~`. */
const PREVENTION_CITATION = registerCitationId('', 'preventionProfiles', '');

export const facilityDerivedIds: { readonly [T in SyncedTableName]?: DerivedIdRule } = {
	// The profile's id is the facility id.
	facilities: { derived: always, belongsTo: (id, facilityId) => id === facilityId },
	criterionStatuses: prefixedByFacility,
	criterionFeedback: prefixedByFacility,
	preventionProfiles: {
		derived: always,
		belongsTo: (id, facilityId) => id === preventionProfileId(facilityId)
	},
	// registerCitationId(criterion, 'preventionProfiles', preventionProfileId(facility)).
	registerCitations: {
		derived: (id) => id.includes(PREVENTION_CITATION),
		belongsTo: (id, facilityId) => id.endsWith(`${PREVENTION_CITATION}${preventionProfileId(facilityId)}`)
	}
};

/**
 * The facility a facility-derived id belongs to, among the given ones (a user's facilities):
 * `undefined` when the table's ids are not made from the facility, `null` when the id belongs to
 * none of them.
 */
export function facilityOfDerivedId(
	table: SyncedTableName,
	recordId: string,
	facilityIds: readonly string[]
): string | null | undefined {
	const rule = facilityDerivedIds[table];
	if (!rule || !rule.derived(recordId)) return undefined;
	// The longest match, should one facility id ever start with another's and a colon.
	const matches = facilityIds.filter((facilityId) => rule.belongsTo(recordId, facilityId));
	return matches.sort((a, b) => b.length - a.length)[0] ?? null;
}
