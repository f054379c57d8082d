import { patchUser } from '$lib/server/accounts/handlers';
import type { RequestHandler } from './$types';

export const PATCH: RequestHandler = patchUser;
