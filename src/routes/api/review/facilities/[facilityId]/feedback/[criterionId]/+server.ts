import { deleteFeedback, putFeedback } from '$lib/server/dossier/api';
import type { RequestHandler } from './$types';

export const PUT: RequestHandler = putFeedback;
export const DELETE: RequestHandler = deleteFeedback;
