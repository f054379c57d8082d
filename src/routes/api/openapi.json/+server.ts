import { getOpenApi } from '$lib/server/http/openapi/handlers';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = getOpenApi;
