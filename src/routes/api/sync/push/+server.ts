import { postPush } from '$lib/server/sync/api';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = postPush;
