import { deleteFeedback, putFeedback } from '$lib/server/review/handlers';
import type { RequestHandler } from './$types';

export const PUT: RequestHandler = putFeedback;
export const DELETE: RequestHandler = deleteFeedback;
