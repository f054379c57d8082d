import { getUsers, postUser } from '$lib/server/api/admin';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = getUsers;
export const POST: RequestHandler = postUser;
