import { db } from '$lib/client/db';
import { nowIso } from '$lib/client/db/ids';
import type { WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import { makeReportPdf, photoThumbnails } from '$lib/client/services/dossierExport/reportPdf';
import { planDossierExport, type ExportSource } from '$lib/domain/dossierExport/exportPlan';
import type { ReportInput } from '$lib/domain/dossierExport/report';

/**
 * The dossier leaves the device (issue 14): the report made here, offline, from the version shown
 * and the advisor's feedback this device has synced; files saved through the browser's download.
 */

export interface DeviceReportOptions {
	source: ExportSource;
	submittedBy: string;
	receivedAt: string | null;
	/** Small pictures of photo evidence in the report (slower, larger PDF). */
	withPhotos: boolean;
	/** Whether files not on the device can still come from the server (the ZIP fetches them). */
	online: boolean;
}

/** Hashes of the cited files whose bytes this device does not hold. */
async function filesNotOnDevice(source: ExportSource, target: WorkspaceDb): Promise<Set<string>> {
	const shas = [
		...new Set(source.snapshot.evidence.flatMap((e) => (e.attachment ? [e.attachment.sha256] : [])))
	];
	const held = await target.attachments.bulkGet(shas);
	return new Set(shas.filter((_, i) => !held[i]));
}

/** What the report needs, read from the device: feedback and threads of the centre, thumbnails. */
export async function deviceReportInput(
	options: DeviceReportOptions,
	target: WorkspaceDb = db
): Promise<ReportInput> {
	const { source, submittedBy, receivedAt, withPhotos, online } = options;
	const facilityId = source.snapshot.facility.id;
	const [feedback, messages, absent] = await Promise.all([
		target.criterionFeedback.where('facilityId').equals(facilityId).toArray(),
		target.feedbackMessages.where('facilityId').equals(facilityId).toArray(),
		filesNotOnDevice(source, target)
	]);
	const photos = withPhotos
		? [
				...new Set(
					source.snapshot.evidence.flatMap((e) =>
						e.attachment?.mimeType.startsWith('image/') && !absent.has(e.attachment.sha256)
							? [e.attachment.sha256]
							: []
					)
				)
			]
		: [];
	const thumbnails = photos.length
		? await photoThumbnails(photos, async (sha) => (await target.attachments.get(sha))?.blob)
		: undefined;
	return {
		snapshot: source.snapshot,
		catalogue: source.catalogue,
		version: source.version,
		submittedBy,
		receivedAt,
		feedback: feedback.filter((f) => !f.deleted),
		messages: messages.filter((m) => !m.deleted),
		plan: planDossierExport(source),
		thumbnails,
		// Online the ZIP fetches what the device lacks; only offline is a file surely missing.
		missing: online ? new Set() : absent,
		madeAt: nowIso()
	};
}

export async function makeDeviceReport(
	options: DeviceReportOptions,
	target: WorkspaceDb = db
): Promise<Blob> {
	return makeReportPdf(await deviceReportInput(options, target));
}

/** The report's file name when downloaded alone. */
export function reportFileName(source: ExportSource): string {
	return `${planDossierExport(source).root} Bericht.pdf`;
}

/**
 * Hands a file to the browser's download through an object URL and a clicked `<a download>`.
 * Returns the URL so the caller frees it when it no longer needs it (a link to save it again).
 */
export function saveFile(blob: Blob, fileName: string): string {
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	link.hidden = true;
	document.body.append(link);
	link.click();
	link.remove();
	return url;
}

/** „12,3 MB“ */
export function megabytes(bytes: number): string {
	return `${(bytes / 1_000_000).toLocaleString('de-DE', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} MB`;
}
