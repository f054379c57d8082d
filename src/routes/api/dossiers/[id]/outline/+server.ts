import { getDossierOutline } from '$lib/server/dossier/handlers';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = getDossierOutline;
