import { builtInCatalogue } from '$lib/client/services/catalogue';
import { putRecord } from '$lib/client/db/changes';
import { db } from '$lib/client/db';
import { nowIso } from '$lib/client/db/ids';
import { unlessStorageFull } from '$lib/client/db/errors';
import { getActiveFacilityId, getActor, setActiveFacilityId, setActor } from '$lib/client/db/meta';
import { readStrings, SYNC_META_KEYS } from '$lib/client/sync/syncMeta';
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
 * Makes sure the active facility has a profile. Only after a pull has asked the server (the facility
 * is among those it showed) does a Leitung or team member create it as a change that syncs: the
 * server had none. Before that (first start, or IndexedDB evicted while the session cookie stayed)
 * and for a user who may not write, a local stand-in with the server's name keeps the pages working;
 * it is never sent and the pull replaces it, so a blank default never meets the server's profile.
 * Called again after a sync, a stand-in the server has no profile for becomes the real one.
 */
export async function ensureUserFacility(user: SessionUser, facilityId: string): Promise<FacilityProfile> {
	const existing = await db.facilities.get(facilityId);
	const member = user.facilities.some((f) => f.id === facilityId);
	const creates = writesFacilityData(user) && member && (await serverWasAsked(facilityId));
	if (existing && !existing.deleted) {
		if (!creates || !(await isStandIn(existing))) return existing;
		const { updatedAt: _updatedAt, updatedBy: _updatedBy, ...fields } = existing;
		const created = await putRecord('facilities', fields, Object.keys(existing));
		await markStandIn(facilityId, false);
		return created;
	}
	const name = user.facilities.find((f) => f.id === facilityId)?.name || 'Unser Familienzentrum';
	const fields = {
		id: facilityId,
		facilityId,
		name,
		catalogueId: builtInCatalogue.id,
		catalogueVersion: builtInCatalogue.version
	};
	if (creates) return putRecord('facilities', fields);
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
	await markStandIn(facilityId, true);
	return standIn;
}

/** Profiles made as local stand-ins, so a later sync can tell them from the server's. */
const STAND_INS_KEY = 'session.standInFacilities';

async function markStandIn(facilityId: string, standIn: boolean): Promise<void> {
	const ids = new Set(await readStrings(db, STAND_INS_KEY));
	if (standIn) ids.add(facilityId);
	else ids.delete(facilityId);
	await db.meta.put({ key: STAND_INS_KEY, value: [...ids] });
}

/** A complete pull has run on this workspace and the server showed this facility. */
async function serverWasAsked(facilityId: string): Promise<boolean> {
	return (await readStrings(db, SYNC_META_KEYS.facilityIds)).includes(facilityId);
}

/** Made as a stand-in, and since neither pulled from the server (no revision) nor edited. */
async function isStandIn(profile: FacilityProfile): Promise<boolean> {
	if (!(await readStrings(db, STAND_INS_KEY)).includes(profile.id)) return false;
	if (await db.syncRevisions.get(['facilities', profile.id])) return false;
	return (await db.outbox.where({ table: 'facilities', recordId: profile.id }).count()) === 0;
}
