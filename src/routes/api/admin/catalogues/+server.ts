import { getCatalogues, postCatalogue } from '$lib/server/api/admin';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = getCatalogues;
export const POST: RequestHandler = postCatalogue;
