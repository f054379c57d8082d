import type { LocalActor, LocalActorInput } from './actor';
import { db } from './index';
import { newId } from './ids';
import type { WorkspaceDb } from './WorkspaceDb';

export type { LocalActor } from './actor';

/** Keys of the `meta` table. Other modules add their own keys here. */
export const META_KEYS = {
	/** Who is working on this device: its display name goes into every record's `updatedBy`. */
	actor: 'actor',
	/** This device's id, created once; sync sends it with every change. */
	deviceId: 'deviceId',
	/** The facility the workspace shows. */
	facilityId: 'facilityId'
} as const;

export const DEFAULT_ACTOR: LocalActor = { displayName: 'Dieses Gerät', userId: null };

/**
 * The stored actor as `localActorSchema` reads it, or null when it does not fit. The same rules by
 * hand, because `getActor` runs inside write transactions (no waiting for a module there) and on
 * the first start, which must not load zod; `actor.test.ts` keeps both in step.
 */
export function readStoredActor(value: unknown): LocalActor | null {
	if (typeof value !== 'object' || value === null) return null;
	const { displayName, userId = null } = value as Record<string, unknown>;
	if (typeof displayName !== 'string') return null;
	const name = displayName.trim();
	if (name.length < 1 || name.length > 120) return null;
	if (userId !== null && (typeof userId !== 'string' || userId.length < 1)) return null;
	return { displayName: name, userId };
}

export async function getActor(target: WorkspaceDb = db): Promise<LocalActor> {
	const entry = await target.meta.get(META_KEYS.actor);
	return readStoredActor(entry?.value) ?? DEFAULT_ACTOR;
}

/** Remembers who works on this device; throws (zod) on an empty or too long name. */
export async function setActor(actor: LocalActorInput, target: WorkspaceDb = db): Promise<void> {
	const { localActorSchema } = await import('./actor');
	await target.meta.put({ key: META_KEYS.actor, value: localActorSchema.parse(actor) });
}

/** This device's id; created on first use and kept for the life of the database. */
export async function getDeviceId(target: WorkspaceDb = db): Promise<string> {
	return target.transaction('rw', target.meta, async () => {
		const entry = await target.meta.get(META_KEYS.deviceId);
		if (typeof entry?.value === 'string') return entry.value;
		const id = newId();
		await target.meta.put({ key: META_KEYS.deviceId, value: id });
		return id;
	});
}

export async function getActiveFacilityId(target: WorkspaceDb = db): Promise<string | null> {
	const entry = await target.meta.get(META_KEYS.facilityId);
	return typeof entry?.value === 'string' ? entry.value : null;
}

export async function setActiveFacilityId(id: string, target: WorkspaceDb = db): Promise<void> {
	await target.meta.put({ key: META_KEYS.facilityId, value: id });
}
