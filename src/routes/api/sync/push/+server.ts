import { postPush } from '$lib/server/sync/handlers';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = postPush;
