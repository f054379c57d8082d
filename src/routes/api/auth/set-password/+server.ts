import { getPasswordLink, postSetPassword } from '$lib/server/auth/handlers';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = getPasswordLink;
export const POST: RequestHandler = postSetPassword;
