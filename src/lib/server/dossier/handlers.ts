import type { Catalogue } from '$lib/domain/catalogue/schema';
import { dossierOutline } from '$lib/domain/dossier/outline';
import type { Dossier } from '$lib/domain/dossier/versions';
import { dossierSubmissionSchema } from '$lib/domain/dossier/versions';
import { endpoint, json, readJson, requireUser } from '$lib/server/http/endpoint';
import { badRequest } from '$lib/server/http/errors';
import { param } from '$lib/server/http/params';
import { catalogueFor } from '$lib/server/catalogue/catalogueFor';
import { listDossiers, readDossierVersion, submitDossier } from '$lib/server/dossier/dossiers';
import type { StoredVersion } from '$lib/server/dossier/versionCache';

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
	const user = requireUser(event);
	const { summary, json: dossier } = await readDossierVersion(ctx, user, param(event, 'id'));
	const catalogue = await catalogueFor(ctx.db, summary.catalogueId, summary.catalogueVersion);
	// The same text as json({ dossier, catalogue }), spliced from the kept JSON of both.
	return new Response(`{"dossier":${dossier},"catalogue":${catalogueJson(catalogue)}}`, {
		headers: { 'content-type': 'application/json' }
	});
});

/**
 * `GET /api/dossiers/:id/outline` — the version without its evidence items and register tables,
 * for the review list's first render (see domain/dossier/outline.ts); the same access as the whole.
 */
export const getDossierOutline = endpoint(async (event, ctx) => {
	const user = requireUser(event);
	const version = await readDossierVersion(ctx, user, param(event, 'id'));
	const catalogue = await catalogueFor(ctx.db, version.summary.catalogueId, version.summary.catalogueVersion);
	return new Response(`{"dossier":${outlineJson(version)},"catalogue":${catalogueJson(catalogue)}}`, {
		headers: { 'content-type': 'application/json' }
	});
});

// A kept version never changes, so neither does its outline: made once while the version is kept.
const outlineTexts = new WeakMap<StoredVersion, string>();

function outlineJson(version: StoredVersion): string {
	let text = outlineTexts.get(version);
	if (text === undefined) {
		text = JSON.stringify(dossierOutline(JSON.parse(version.json) as Dossier));
		outlineTexts.set(version, text);
	}
	return text;
}

// Catalogue versions never change once stored (catalogueFor keeps the parsed ones), so neither does
// their JSON; 40 KB for the working catalogue, serialised once instead of on every read.
const catalogueTexts = new WeakMap<Catalogue, string>();

function catalogueJson(catalogue: Catalogue): string {
	let text = catalogueTexts.get(catalogue);
	if (text === undefined) {
		text = JSON.stringify(catalogue);
		catalogueTexts.set(catalogue, text);
	}
	return text;
}
