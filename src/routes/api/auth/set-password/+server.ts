import { postSetPassword } from '$lib/server/api/auth';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = postSetPassword;
