import { getPull } from '$lib/server/sync/api';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = getPull;
