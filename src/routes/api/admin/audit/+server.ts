import { getAudit } from '$lib/server/api/admin';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = getAudit;
