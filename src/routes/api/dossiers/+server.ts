import { getDossiers, postDossier } from '$lib/server/dossier/handlers';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = getDossiers;
export const POST: RequestHandler = postDossier;
