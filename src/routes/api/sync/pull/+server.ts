import { getPull } from '$lib/server/sync/handlers';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = getPull;
