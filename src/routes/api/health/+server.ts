import { getHealth } from '$lib/server/api/health';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = getHealth;
