import { LOAD_TEXTS, requestJson, type ApiResult } from '$lib/client/api/request';
import { catalogueSchema, type Catalogue } from '$lib/domain/catalogue/schema';

/** Which catalogue version the admin has put in force; the devices learn it after a sync. */

export interface CatalogueKey {
	catalogueId: string;
	version: string;
}

function isKey(body: unknown): body is CatalogueKey {
	const { catalogueId, version } = (body ?? {}) as Record<string, unknown>;
	return (
		typeof catalogueId === 'string' && catalogueId !== '' && typeof version === 'string' && version !== ''
	);
}

/** The id and version in force; `null` data when the admin has put none in force (404). */
export async function fetchActiveCatalogueKey(
	fetchFn?: typeof fetch
): Promise<ApiResult<CatalogueKey | null>> {
	const result = await requestJson('/api/catalogue/version', {
		parse: (body) => (isKey(body) ? { catalogueId: body.catalogueId, version: body.version } : null),
		texts: LOAD_TEXTS,
		fetchFn
	});
	if (!result.ok && result.error.status === 404) return { ok: true, data: null };
	return result;
}

/** The whole catalogue in force, checked against the catalogue format. */
export function fetchActiveCatalogue(fetchFn?: typeof fetch): Promise<ApiResult<Catalogue>> {
	return requestJson('/api/catalogue', {
		parse: (body) =>
			catalogueSchema.safeParse((body as { catalogue?: unknown } | null)?.catalogue).data ?? null,
		texts: LOAD_TEXTS,
		fetchFn
	});
}

/** A version the server holds, by id and version; `null` data when it has no such version (404). */
export async function fetchCatalogueVersion(
	key: CatalogueKey,
	fetchFn?: typeof fetch
): Promise<ApiResult<Catalogue | null>> {
	const path = `/api/catalogue/versions/${encodeURIComponent(key.catalogueId)}/${encodeURIComponent(key.version)}`;
	const result = await requestJson<Catalogue | null>(path, {
		parse: (body) =>
			catalogueSchema.safeParse((body as { catalogue?: unknown } | null)?.catalogue).data ?? null,
		texts: LOAD_TEXTS,
		fetchFn
	});
	if (!result.ok && result.error.status === 404) return { ok: true, data: null };
	return result;
}
