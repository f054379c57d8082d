import { getFacilities, postFacility } from '$lib/server/api/admin';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = getFacilities;
export const POST: RequestHandler = postFacility;
