import { getCatalogueByVersion } from '$lib/server/catalogue/handlers';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = getCatalogueByVersion;
