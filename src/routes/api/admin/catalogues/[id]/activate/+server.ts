import { postCatalogueActivation } from '$lib/server/api/admin';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = postCatalogueActivation;
