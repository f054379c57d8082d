import { getAssignments, putAssignments } from '$lib/server/api/admin';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = getAssignments;
export const PUT: RequestHandler = putAssignments;
