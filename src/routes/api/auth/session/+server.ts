import { getSession } from '$lib/server/api/auth';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = getSession;
