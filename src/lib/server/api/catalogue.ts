import { getActiveCatalogue } from '$lib/server/catalogues';
import { endpoint, json, requireUser } from '$lib/server/http/endpoint';
import { notFound } from '$lib/server/http/errors';

/** The catalogue version the admin has put in force, for every signed-in user. */
export const getActiveCatalogueVersion = endpoint(async (event, ctx) => {
	requireUser(event);
	const catalogue = await getActiveCatalogue(ctx.db);
	if (!catalogue) throw notFound('Es ist noch keine Katalogversion in Kraft gesetzt.');
	return json({ catalogue });
});
