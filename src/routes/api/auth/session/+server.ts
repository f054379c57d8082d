import { getSession } from '$lib/server/auth/handlers';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = getSession;
