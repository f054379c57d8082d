import { postCatalogueActivation } from '$lib/server/catalogue/handlers';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = postCatalogueActivation;
