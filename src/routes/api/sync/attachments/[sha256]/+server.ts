import { getAttachment, headAttachment, putAttachment } from '$lib/server/sync/handlers';
import type { RequestHandler } from './$types';

export const HEAD: RequestHandler = headAttachment;
export const GET: RequestHandler = getAttachment;
export const PUT: RequestHandler = putAttachment;
