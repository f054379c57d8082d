import { getAssignments, putAssignments } from '$lib/server/accounts/handlers';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = getAssignments;
export const PUT: RequestHandler = putAssignments;
