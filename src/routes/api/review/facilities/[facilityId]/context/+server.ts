import { getReviewContext } from '$lib/server/review/handlers';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = getReviewContext;
