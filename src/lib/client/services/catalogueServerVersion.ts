import { db } from '$lib/client/db';
import type { WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import type { FacilityProfile } from '$lib/domain/records';

/**
 * The catalogue version the server has in force, as this device last learned it (a `meta` row).
 * Kept apart from `catalogueSwitch.ts` and free of zod, so the Übersicht's notice reads it cheaply.
 */

export const SERVER_CATALOGUE_META_KEY = 'catalogue.serverActive';

export interface ServerCatalogueKey {
	catalogueId: string;
	version: string;
}

export async function readServerCatalogueKey(target: WorkspaceDb = db): Promise<ServerCatalogueKey | null> {
	const value = (await target.meta.get(SERVER_CATALOGUE_META_KEY))?.value as
		Partial<ServerCatalogueKey> | undefined;
	return typeof value?.catalogueId === 'string' && typeof value.version === 'string'
		? { catalogueId: value.catalogueId, version: value.version }
		: null;
}

/** Stores what the server said; writes only on a change, so the views watching it stay quiet. */
export async function writeServerCatalogueKey(
	key: ServerCatalogueKey | null,
	target: WorkspaceDb = db
): Promise<void> {
	const known = await readServerCatalogueKey(target);
	if (key === null) {
		if (known) await target.meta.delete(SERVER_CATALOGUE_META_KEY);
		return;
	}
	if (known?.catalogueId === key.catalogueId && known.version === key.version) return;
	await target.meta.put({ key: SERVER_CATALOGUE_META_KEY, value: { ...key } });
}

/**
 * The server's version when the centre works with another one; null when it has taken the server's
 * over (or the server has none in force).
 */
export function serverVersionNotTakenOver(
	server: ServerCatalogueKey | null,
	facility: Pick<FacilityProfile, 'catalogueId' | 'catalogueVersion'> | null | undefined
): ServerCatalogueKey | null {
	if (!server || !facility) return null;
	return server.catalogueId === facility.catalogueId && server.version === facility.catalogueVersion
		? null
		: server;
}
