import { z } from 'zod';
import { checkCatalogueData } from '$lib/domain/catalogue/parseCatalogue';
import {
	activateCatalogueVersion,
	getActiveCatalogue,
	getCatalogueVersion,
	listCatalogueVersions,
	uploadCatalogueVersion
} from '$lib/server/catalogue/versions';
import { endpoint, json, readJson, requireRole, requireUser } from '$lib/server/http/endpoint';
import { param } from '$lib/server/http/params';
import { badRequest, notFound } from '$lib/server/http/errors';

/** The catalogue version the admin has put in force, for every signed-in user. */
export const getActiveCatalogueVersion = endpoint(async (event, ctx) => {
	requireUser(event);
	const catalogue = await getActiveCatalogue(ctx.db);
	if (!catalogue) throw notFound('Es ist noch keine Katalogversion in Kraft gesetzt.');
	return json({ catalogue });
});

// The admin's catalogue versions.

export const getCatalogues = endpoint(async (event, ctx) => {
	requireRole(event, 'admin');
	return json({ catalogues: await listCatalogueVersions(ctx.db) });
});

/**
 * The catalogue is checked apart from the envelope, by the import's own checks: the admin gets the same
 * German messages as on the device, each with its path, and a format-1 file is stored in format 2.
 */
const uploadEnvelopeSchema = z.object({
	catalogue: z.unknown().nonoptional('Der Katalog fehlt (Feld „catalogue“).'),
	/** Put the new version in force right away. */
	activate: z.boolean().default(false)
});

export const postCatalogue = endpoint(async (event, ctx) => {
	const admin = requireRole(event, 'admin');
	const input = await readJson(event, uploadEnvelopeSchema);
	const checked = checkCatalogueData(input.catalogue);
	if (!checked.ok)
		throw badRequest(
			checked.errors.length === 1
				? 'Der Katalog hat einen Fehler.'
				: `Der Katalog hat ${checked.errors.length} Fehler.`,
			// The admin screen turns the path into a place and a line of the file (admin/catalogueUpload.ts).
			checked.errors.map((e) => ({ path: ['catalogue', ...e.segments], message: e.message }))
		);
	const summary = await uploadCatalogueVersion(ctx, checked.catalogue, { activate: input.activate }, admin);
	return json({ catalogue: summary }, { status: 201 });
});

export const postCatalogueActivation = endpoint(async (event, ctx) => {
	const admin = requireRole(event, 'admin');
	return json({ catalogue: await activateCatalogueVersion(ctx, param(event, 'id'), admin) });
});

/**
 * Which version is in force, without its criteria: devices ask after every sync and fetch the whole
 * catalogue (`getActiveCatalogueVersion`) only when they do not have it yet.
 */
export const getActiveCatalogueKey = endpoint(async (event, ctx) => {
	requireUser(event);
	const active = (await listCatalogueVersions(ctx.db)).find((v) => v.active);
	if (!active) throw notFound('Es ist noch keine Katalogversion in Kraft gesetzt.');
	return json({ catalogueId: active.catalogueId, version: active.version });
});

/**
 * One stored version by catalogue id and version, for every signed-in user: a device whose centre
 * was switched on another tablet fetches the version its profile now names.
 */
export const getCatalogueByVersion = endpoint(async (event, ctx) => {
	requireUser(event);
	const catalogue = await getCatalogueVersion(ctx.db, param(event, 'catalogueId'), param(event, 'version'));
	if (!catalogue) throw notFound('Diese Katalogversion gibt es auf dem Server nicht.');
	return json({ catalogue });
});
