import { getCatalogues, postCatalogue } from '$lib/server/catalogue/handlers';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = getCatalogues;
export const POST: RequestHandler = postCatalogue;
