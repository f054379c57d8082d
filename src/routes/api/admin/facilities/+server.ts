import { getFacilities, postFacility } from '$lib/server/accounts/handlers';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = getFacilities;
export const POST: RequestHandler = postFacility;
