import { postFeedbackResolved } from '$lib/server/review/handlers';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = postFeedbackResolved;
