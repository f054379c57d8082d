import { getReviewFacility } from '$lib/server/dossier/api';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = getReviewFacility;
