import { getActiveCatalogueVersion } from '$lib/server/api/catalogue';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = getActiveCatalogueVersion;
