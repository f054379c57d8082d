import { getUsers, postUser } from '$lib/server/accounts/handlers';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = getUsers;
export const POST: RequestHandler = postUser;
