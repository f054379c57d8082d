import { db } from '$lib/client/db';
import type { SyncedRecordInput } from '$lib/client/db/changes';
import { StorageFullError, isQuotaExceeded } from '$lib/client/db/errors';
import { newId, nowIso } from '$lib/client/db/ids';
import { getActiveFacilityId, getActor, setActiveFacilityId } from '$lib/client/db/meta';
import { writeRecordAndChange } from '$lib/client/db/syncedRecords';
import { newFacilityProfile } from '$lib/domain/facilityProfile';
import type { FacilityProfile, RecordBase } from '$lib/domain/records';

/** Name of the profile created on first start; the leader replaces it in the profile form. */
export const DEFAULT_FACILITY_NAME = 'Unser Familienzentrum';

/** The fields of the profile form: everything but the record's bookkeeping. */
export type FacilityProfilePatch = Partial<Omit<SyncedRecordInput<'facilities'>, keyof RecordBase>>;

/**
 * The facility this workspace shows. On first start there is none, so a default profile is created
 * against the given catalogue version. Runs in one transaction so two tabs starting together still
 * end up with one facility. Needs no zod (see `newFacilityProfile`): it runs before the first paint.
 */
export async function ensureFacility(
	catalogueId: string,
	catalogueVersion: string
): Promise<FacilityProfile> {
	try {
		return await db.transaction('rw', [db.facilities, db.outbox, db.meta], async () => {
			const activeId = await getActiveFacilityId();
			const active = activeId ? await db.facilities.get(activeId) : undefined;
			if (active && !active.deleted) return active;
			const [first] = (await db.facilities.toArray())
				.filter((f) => !f.deleted)
				.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
			if (first) {
				await setActiveFacilityId(first.id);
				return first;
			}
			const id = newId();
			const actor = await getActor();
			const created = newFacilityProfile(
				{ id, name: DEFAULT_FACILITY_NAME, catalogueId, catalogueVersion },
				{ now: nowIso(), updatedBy: actor.displayName }
			);
			await writeRecordAndChange(db, 'facilities', created, 'put', Object.keys(created));
			await setActiveFacilityId(id);
			return created;
		});
	} catch (error) {
		if (isQuotaExceeded(error)) throw new StorageFullError(error);
		throw error;
	}
}

/** Saves the profile form of the active facility. Throws `RecordValidationError` (German) on bad input. */
export async function saveFacilityProfile(patch: FacilityProfilePatch): Promise<FacilityProfile> {
	const id = await getActiveFacilityId();
	if (!id) throw new Error('Es ist noch kein Familienzentrum angelegt.');
	// The validating write helpers (and zod) load with the first save, not with the Übersicht.
	const { updateRecord } = await import('$lib/client/db/changes');
	return updateRecord('facilities', id, stripBookkeeping(patch));
}

const bookkeepingKeys = new Set(['id', 'facilityId', 'createdAt', 'updatedAt', 'updatedBy', 'deleted']);

/** A form never moves, renames the id of, or deletes a facility, whatever it hands in. */
function stripBookkeeping(patch: FacilityProfilePatch): FacilityProfilePatch {
	return Object.fromEntries(
		Object.entries(patch).filter(([key]) => !bookkeepingKeys.has(key))
	) as FacilityProfilePatch;
}
