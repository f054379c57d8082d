import { getForgotPassword, postForgotPassword } from '$lib/server/auth/handlers';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = getForgotPassword;
export const POST: RequestHandler = postForgotPassword;
