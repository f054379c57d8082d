import { postLogin } from '$lib/server/auth/handlers';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = postLogin;
