import { builtInCatalogue } from '$lib/client/catalogue/catalogueStore';
import { putRecord } from '$lib/client/db/changes';
import { db } from '$lib/client/db';
import { nowIso } from '$lib/client/db/ids';
import { unlessStorageFull } from '$lib/client/db/errors';
import { getActiveFacilityId, getActor, setActiveFacilityId, setActor } from '$lib/client/db/meta';
import type { SessionUser } from '$lib/domain/accounts';
import type { FacilityProfile } from '$lib/domain/records';

/**
 * Prepares the signed-in user's own workspace database (already switched to with `useWorkspace`):
 * her name on every change, and the server's facility as the one the workspace shows.
 */

/** Team and Leitung change the centre's data; Fachberatung and Admin only look. */
export function writesFacilityData(user: SessionUser): boolean {
	return user.role === 'team' || user.role === 'leitung';
}

/** The workspace of a user without any facility (an admin) shows this local, never synced stand-in. */
export const NO_FACILITY_ID = 'ohne-einrichtung';

/**
 * The facility the workspace shows: the one it showed before if the user still belongs to it (a
 * Verbund member may have switched), else her first facility.
 */
export async function chooseActiveFacility(user: SessionUser): Promise<string> {
	const ids = user.facilities.map((f) => f.id);
	const current = await getActiveFacilityId();
	const chosen = current && ids.includes(current) ? current : (ids[0] ?? NO_FACILITY_ID);
	if (chosen !== current) await unlessStorageFull(() => setActiveFacilityId(chosen));
	return chosen;
}

/**
 * Runs at every start: it writes only what changed, and a full device skips the writes (the app
 * must open to show the data and send what waits).
 */
export async function prepareUserWorkspace(user: SessionUser): Promise<string> {
	const actor = await getActor();
	if (actor.displayName !== user.displayName.trim() || actor.userId !== user.id) {
		await unlessStorageFull(() => setActor({ displayName: user.displayName, userId: user.id }));
	}
	return chooseActiveFacility(user);
}

/**
 * Makes sure the active facility has a profile. Call after the first pull: when the server has a
 * profile the pull brought it; when it has none, a Leitung or team member creates it (it syncs like
 * any change). For a user who may not write, a local stand-in with the server's name keeps the
 * app's pages working; it is never sent and the next pull replaces it.
 */
export async function ensureUserFacility(user: SessionUser, facilityId: string): Promise<FacilityProfile> {
	const existing = await db.facilities.get(facilityId);
	if (existing && !existing.deleted) return existing;
	const name = user.facilities.find((f) => f.id === facilityId)?.name || 'Unser Familienzentrum';
	const fields = {
		id: facilityId,
		facilityId,
		name,
		catalogueId: builtInCatalogue.id,
		catalogueVersion: builtInCatalogue.version
	};
	const member = user.facilities.some((f) => f.id === facilityId);
	if (writesFacilityData(user) && member) return putRecord('facilities', fields);
	const now = nowIso();
	const standIn: FacilityProfile = {
		...fields,
		createdAt: now,
		updatedAt: now,
		updatedBy: user.displayName,
		deleted: false,
		traeger: '',
		jugendamt: '',
		street: '',
		postalCode: '',
		city: '',
		verbundMembers: [],
		sealValidUntil: null,
		chosenProfileAreas: []
	};
	await db.facilities.put(standIn);
	return standIn;
}
