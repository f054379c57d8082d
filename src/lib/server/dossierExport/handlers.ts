import { endpoint, requireUser } from '$lib/server/http/endpoint';
import { logger } from '$lib/server/log/logger';
import { attachmentDisposition, safeFileName } from '$lib/server/http/contentDisposition';
import { param } from '$lib/server/http/params';
import { loadDossierExport, reportInputOf } from './exportData';
import { renderReportPdf } from './reportPdf';
import { dossierZipStream } from './zipStream';

/**
 * `GET /api/dossiers/:id/export.zip` and `…/report.pdf` — the export for the certification body and
 * the report of a stored version, for whoever may read the dossier (else 404, as for an unknown id).
 * Never cached: on a shared computer the next user must not get them from the HTTP cache.
 */

const noStore = { 'cache-control': 'private, no-store' };

export const getDossierZip = endpoint(async (event, ctx) => {
	const user = requireUser(event);
	const data = await loadDossierExport(ctx, user, param(event, 'id'));
	const report = await renderReportPdf(reportInputOf(data, ctx.now()));
	const { stream, done } = dossierZipStream(ctx, data, report);
	done.catch((error: unknown) => {
		// Headers are out by then: the client sees a cut download; a client that left is no error.
		if (!event.request.signal.aborted)
			logger.error(
				{ err: error, requestId: event.locals.requestId, dossierId: data.dossier.id },
				'ZIP export failed'
			);
	});
	return new Response(stream, {
		headers: {
			'content-type': 'application/zip',
			'content-disposition': attachmentDisposition(
				safeFileName(`${data.plan.root}.zip`, 'application/zip', 'Mappe')
			),
			...noStore
		}
	});
});

export const getDossierReportPdf = endpoint(async (event, ctx) => {
	const user = requireUser(event);
	const data = await loadDossierExport(ctx, user, param(event, 'id'));
	const pdf = await renderReportPdf(reportInputOf(data, ctx.now()));
	return new Response(pdf as Uint8Array<ArrayBuffer>, {
		headers: {
			'content-type': 'application/pdf',
			'content-length': String(pdf.byteLength),
			'content-disposition': attachmentDisposition(
				safeFileName(`${data.plan.root} Bericht.pdf`, 'application/pdf', 'Bericht')
			),
			...noStore
		}
	});
});
