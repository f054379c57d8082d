import type { SessionUser } from '$lib/domain/accounts';
import { MAX_ATTACHMENT_BYTES } from '$lib/domain/records';
import type { AttachmentUploadResponse } from '$lib/domain/sync/protocol';
import { writeAudit } from '../audit';
import { canReadFacility, canWriteFacility } from '../auth/permissions';
import { BlobHashMismatchError, BlobTooLargeError, isSha256Hex } from '../blobStore';
import type { ServerContext } from '../context';
import { ApiError, forbidden, notFound } from '../http/errors';
import { checkedByType, chunksOf, UnsupportedFileTypeError } from './fileType';
import { syncDb } from './schema';

/** Anyone who may change some facility's data may upload files for its records. */
export function mayUpload(user: SessionUser): boolean {
	return user.facilities.some((f) => canWriteFacility(user, f.id));
}

/** A file may be read by whoever may read a record citing it. */
export async function mayDownload(ctx: ServerContext, user: SessionUser, sha256: string): Promise<boolean> {
	const citing = await syncDb(ctx.db)
		.selectFrom('sync_attachment_citations')
		.select('facility_id')
		.where('sha256', '=', sha256)
		.execute();
	return citing.some((c) => canReadFacility(user, c.facility_id));
}

export function checkSha256(value: string): string {
	if (!isSha256Hex(value)) throw notFound('Unbekannte Datei.');
	return value;
}

export interface StoredFileInfo {
	sha256: string;
	mimeType: string;
	size: number;
}

export async function fileInfo(ctx: ServerContext, sha256: string): Promise<StoredFileInfo | null> {
	const row = await syncDb(ctx.db)
		.selectFrom('sync_attachments')
		.select(['mime_type', 'size'])
		.where('sha256', '=', sha256)
		.executeTakeFirst();
	if (!row || !(await ctx.blobs.has(sha256))) return null;
	return { sha256, mimeType: row.mime_type, size: Number(row.size) };
}

/**
 * Stores an uploaded file under its hash: checks size, type (from the bytes) and hash on arrival
 * and stores nothing unless all hold. A file the server has already is acknowledged at once, so a
 * retry after a cut connection is harmless.
 */
export async function storeUpload(
	ctx: ServerContext,
	user: SessionUser,
	sha256: string,
	request: Request
): Promise<AttachmentUploadResponse> {
	if (!mayUpload(user)) throw forbidden('Sie dürfen keine Dateien hochladen.');
	const existing = await fileInfo(ctx, sha256);
	if (existing) return { ...existing, created: false };
	const declared = Number(request.headers.get('content-length') ?? NaN);
	if (declared > MAX_ATTACHMENT_BYTES) throw tooLarge();
	if (!request.body) throw new ApiError(400, 'empty_upload', 'Die Datei ist leer.');

	let mimeType = '';
	let stored: { size: number; created: boolean };
	try {
		const body = checkedByType(chunksOf(request.body), (type) => (mimeType = type));
		stored = await ctx.blobs.put(sha256, body, { maxBytes: MAX_ATTACHMENT_BYTES });
	} catch (error) {
		throw uploadError(error);
	}
	const now = ctx.now();
	await syncDb(ctx.db)
		.insertInto('sync_attachments')
		.values({
			sha256,
			mime_type: mimeType,
			size: stored.size,
			uploaded_by: user.id,
			uploaded_at: now.toISOString()
		})
		.onConflict((oc) => oc.column('sha256').doNothing())
		.execute();
	await writeAudit(ctx.db, {
		at: now,
		userId: user.id,
		action: 'attachment.upload',
		entity: 'attachment',
		entityId: sha256,
		detail: { size: stored.size, mimeType }
	});
	return { sha256, size: stored.size, mimeType, created: true };
}

const tooLarge = () =>
	new ApiError(413, 'too_large', `Die Datei ist größer als ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`);

function uploadError(error: unknown): ApiError {
	if (error instanceof BlobTooLargeError) return tooLarge();
	if (error instanceof UnsupportedFileTypeError) {
		return new ApiError(
			415,
			'unsupported_file_type',
			'Nur PDF-Dateien und Bilder (JPEG, PNG, WebP, HEIC) können hochgeladen werden.'
		);
	}
	if (error instanceof BlobHashMismatchError) {
		return new ApiError(
			400,
			'hash_mismatch',
			'Die Datei ist unvollständig oder verändert angekommen (Prüfsumme stimmt nicht). Bitte erneut senden.'
		);
	}
	// A file-system failure (disk full…) is the server's problem, not the upload's.
	if (error instanceof Error && 'syscall' in error) throw error;
	// The body broke off (connection cut): the blob store has removed what it had written.
	return new ApiError(
		400,
		'upload_incomplete',
		'Die Übertragung der Datei wurde unterbrochen. Bitte erneut senden.'
	);
}
