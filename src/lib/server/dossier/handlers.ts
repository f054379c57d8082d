import type { Catalogue } from '$lib/domain/catalogue/schema';
import { dossierOutline } from '$lib/domain/dossier/outline';
import { dossierSubmissionSchema, type Dossier } from '$lib/domain/dossier/versions';
import { endpoint, json, readJson, requireUser } from '$lib/server/http/endpoint';
import { badRequest } from '$lib/server/http/errors';
import { param } from '$lib/server/http/params';
import { catalogueFor } from '$lib/server/catalogue/catalogueFor';
import { listDossiers, readDossierVersion, submitDossier } from '$lib/server/dossier/dossiers';
import type { StoredVersion } from '$lib/server/dossier/versionCache';
import type { ServerContext } from '$lib/server/context';

/** `GET /api/dossiers?facility=…` — the versions handed in for a facility the user may read. */
export const getDossiers = endpoint(async (event, ctx) => {
	const user = requireUser(event);
	const facilityId = event.url.searchParams.get('facility');
	if (!facilityId) throw badRequest('Bitte das Familienzentrum angeben (?facility=…).');
	return json({ dossiers: await listDossiers(ctx, user, facilityId) });
});

/** `POST /api/dossiers` — hands in a dossier; a resent submission answers the stored one (200). */
export const postDossier = endpoint(async (event, ctx) => {
	const user = requireUser(event);
	// Stored as JSON text; the few strings that become columns are checked in submitDossier.
	const submission = await readJson(event, dossierSubmissionSchema, { allowNul: true });
	const result = await submitDossier(ctx, user, submission);
	return json(result, { status: result.created ? 201 : 200 });
});

/** `GET /api/dossiers/:id` — one version with its snapshot. */
export const getDossierById = endpoint(async (event, ctx) => {
	const version = await readDossierVersion(ctx, requireUser(event), param(event, 'id'));
	return withCatalogue(ctx, version, version.json);
});

/**
 * `GET /api/dossiers/:id/outline` — the version without its evidence items and register tables,
 * for the review list's first render (see domain/dossier/outline.ts); the same access as the whole.
 */
export const getDossierOutline = endpoint(async (event, ctx) => {
	const version = await readDossierVersion(ctx, requireUser(event), param(event, 'id'));
	const outline = keptText(outlineTexts, version, (v) =>
		JSON.stringify(dossierOutline(JSON.parse(v.json) as Dossier))
	);
	return withCatalogue(ctx, version, outline);
});

/** The same text as json({ dossier, catalogue }), spliced from the kept JSON of both. */
async function withCatalogue(ctx: ServerContext, version: StoredVersion, dossier: string): Promise<Response> {
	const { catalogueId, catalogueVersion } = version.summary;
	const catalogue = keptText(catalogueTexts, await catalogueFor(ctx.db, catalogueId, catalogueVersion), (c) =>
		JSON.stringify(c)
	);
	return new Response(`{"dossier":${dossier},"catalogue":${catalogue}}`, {
		headers: { 'content-type': 'application/json' }
	});
}

// A kept version never changes, so neither does its outline: made once while the version is kept.
const outlineTexts = new WeakMap<StoredVersion, string>();
// Catalogue versions never change once stored (catalogueFor keeps the parsed ones), so neither does
// their JSON; 40 KB for the working catalogue, serialised once instead of on every read.
const catalogueTexts = new WeakMap<Catalogue, string>();

/** The text `make` gives for `key`, made once while `key` lives. */
function keptText<K extends object>(texts: WeakMap<K, string>, key: K, make: (key: K) => string): string {
	let text = texts.get(key);
	if (text === undefined) {
		text = make(key);
		texts.set(key, text);
	}
	return text;
}
