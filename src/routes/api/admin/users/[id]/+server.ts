import { patchUser } from '$lib/server/api/admin';
import type { RequestHandler } from './$types';

export const PATCH: RequestHandler = patchUser;
