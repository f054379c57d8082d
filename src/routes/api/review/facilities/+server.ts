import { getReviewFacilities } from '$lib/server/dossier/api';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = getReviewFacilities;
