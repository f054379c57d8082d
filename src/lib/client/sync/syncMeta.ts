import type { WorkspaceDb } from '$lib/client/db/WorkspaceDb';

/** Sync's entries in the workspace's `meta` table. */
export const SYNC_META_KEYS = {
	/** Revision of the last pulled record: the next pull starts after it. */
	cursor: 'sync.cursor',
	/** Highest push sequence number given to a change of this device. */
	lastPushSeq: 'sync.lastPushSeq',
	/** When a sync last finished without error (ISO). */
	lastSyncedAt: 'sync.lastSyncedAt',
	/** Facilities the server showed at the last pull; a new one means pulling again from 0. */
	facilityIds: 'sync.facilityIds',
	/** Files pulled records cite that are not on this device yet. */
	wantedAttachments: 'sync.wantedAttachments'
} as const;

export async function readNumber(target: WorkspaceDb, key: string): Promise<number> {
	const value = (await target.meta.get(key))?.value;
	return typeof value === 'number' ? value : 0;
}

export async function readStrings(target: WorkspaceDb, key: string): Promise<string[]> {
	const value = (await target.meta.get(key))?.value;
	return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export async function writeMeta(target: WorkspaceDb, key: string, value: unknown): Promise<void> {
	await target.meta.put({ key, value });
}

export async function readLastSyncedAt(target: WorkspaceDb): Promise<string | null> {
	const value = (await target.meta.get(SYNC_META_KEYS.lastSyncedAt))?.value;
	return typeof value === 'string' ? value : null;
}
