import { getDossierReportPdf } from '$lib/server/dossierExport/handlers';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = getDossierReportPdf;
