import { getAudit } from '$lib/server/accounts/handlers';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = getAudit;
