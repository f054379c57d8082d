import type { CompiledQuery, Kysely } from 'kysely';
import type { SessionUser } from '$lib/domain/accounts';
import { MAX_ATTACHMENT_BYTES } from '$lib/domain/records';
import type { AttachmentUploadResponse } from '$lib/domain/sync/protocol';
import { writeAudit } from '$lib/server/accounts/audit';
import { canReadFacility, canWriteFacility, facilitiesVisibleTo } from '$lib/server/auth/permissions';
import { BlobHashMismatchError, BlobTooLargeError, isSha256Hex } from '$lib/server/db/blobStore';
import type { ServerContext } from '$lib/server/context';
import type { Database } from '$lib/server/db/schema';
import { ApiError, forbidden, notFound } from '$lib/server/http/errors';
import { checkedByType, UnsupportedFileTypeError } from './fileType';

/** Anyone who may change some facility's data may upload files for its records. */
export function mayUpload(user: SessionUser): boolean {
	return user.facilities.some((f) => canWriteFacility(user, f.id));
}

/**
 * The facilities an upload is for: the one named by `?facility=`, which the user must be allowed
 * to write, or else every facility the user writes (almost always just one).
 */
export function uploadFacilities(user: SessionUser, requested: string | null): string[] {
	if (!mayUpload(user)) throw forbidden('Sie dürfen keine Dateien hochladen.');
	if (requested === null) return user.facilities.map((f) => f.id).filter((id) => canWriteFacility(user, id));
	if (!canWriteFacility(user, requested)) {
		throw forbidden('Für dieses Familienzentrum dürfen Sie keine Dateien hochladen.');
	}
	return [requested];
}

/** Which of the facilities own the file (uploaded its bytes, or cited it before ownership existed). */
export async function ownersAmong(
	db: Kysely<Database>,
	sha256: string,
	facilityIds: readonly string[]
): Promise<Set<string>> {
	if (facilityIds.length === 0) return new Set();
	const rows = await db
		.selectFrom('sync_attachment_owners')
		.select('facility_id')
		.where('sha256', '=', sha256)
		.where('facility_id', 'in', [...facilityIds])
		.execute();
	return new Set(rows.map((r) => r.facility_id));
}

/** `ownersAmong` for one facility, as a statement for a batched transaction (a push). */
export function ownerStatement(db: Kysely<Database>, sha256: string, facilityId: string): CompiledQuery {
	return db
		.selectFrom('sync_attachment_owners')
		.select('facility_id')
		.where('sha256', '=', sha256)
		.where('facility_id', '=', facilityId)
		.compile();
}

/**
 * A file may be read by the users of a facility that owns it and by the advisors assigned to one:
 * whoever may read such a facility. Citing a file never makes it readable, owning it does.
 */
export async function mayDownload(ctx: ServerContext, user: SessionUser, sha256: string): Promise<boolean> {
	return (await ownersAmong(ctx.db, sha256, facilitiesVisibleTo(user))).size > 0;
}

/**
 * What `HEAD` answers: whether the file is there for the facilities asked about, which the client
 * uses to skip an upload. With `?facility=`, that facility must own it; without, every facility the
 * user writes (what a `PUT` without it would make owners), or for a reader any facility she reads.
 * A file only other facilities own is answered like a file the server does not have.
 */
export async function fileThereFor(
	ctx: ServerContext,
	user: SessionUser,
	sha256: string,
	requested: string | null
): Promise<StoredFileInfo | null> {
	let facilities: string[];
	let needAll = true;
	if (requested !== null) facilities = canReadFacility(user, requested) ? [requested] : [];
	else if (mayUpload(user)) facilities = uploadFacilities(user, null);
	else {
		facilities = facilitiesVisibleTo(user);
		needAll = false;
	}
	if (facilities.length === 0) return null;
	const owners = await ownersAmong(ctx.db, sha256, facilities);
	const owned = needAll ? owners.size === facilities.length : owners.size > 0;
	return owned ? fileInfo(ctx, sha256) : null;
}

/** Which of the files the facility may cite: those it owns whose bytes the server holds. */
export async function filesOfFacility(
	ctx: ServerContext,
	facilityId: string,
	sha256s: readonly string[]
): Promise<Set<string>> {
	const wanted = [...new Set(sha256s)];
	const owned = new Set<string>();
	// In chunks: a dossier may cite hundreds of files, and SQLite limits a statement's parameters.
	for (let i = 0; i < wanted.length; i += 500) {
		const rows = await ctx.db
			.selectFrom('sync_attachment_owners')
			.select('sha256')
			.where('facility_id', '=', facilityId)
			.where('sha256', 'in', wanted.slice(i, i + 500))
			.execute();
		for (const { sha256 } of rows) if (await ctx.blobs.has(sha256)) owned.add(sha256);
	}
	return owned;
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
	const row = await ctx.db
		.selectFrom('sync_attachments')
		.select(['mime_type', 'size'])
		.where('sha256', '=', sha256)
		.executeTakeFirst();
	if (!row || !(await ctx.blobs.has(sha256))) return null;
	return { sha256, mimeType: row.mime_type, size: Number(row.size) };
}

/**
 * Stores an uploaded file under its hash and makes the upload's facilities its owners: checks size,
 * type (from the bytes) and hash, and records nothing unless all hold. The bytes are read and
 * checked in full also when the server has the file already (for this or another facility), so
 * only a sender who holds the file becomes an owner. `created` tells whether a facility of the
 * upload owns the file now and did not before: a retry after a cut connection answers false, a file
 * only another centre had answers true, exactly like a new one.
 */
export async function storeUpload(
	ctx: ServerContext,
	user: SessionUser,
	sha256: string,
	request: Request,
	requestedFacility: string | null = null
): Promise<AttachmentUploadResponse> {
	const facilities = uploadFacilities(user, requestedFacility);
	const declared = Number(request.headers.get('content-length') ?? NaN);
	if (declared > MAX_ATTACHMENT_BYTES) throw tooLarge();
	if (!request.body) throw new ApiError(400, 'empty_upload', 'Die Datei ist leer.');

	let mimeType = '';
	let stored: { size: number };
	try {
		const checked = await checkedByType(request.body);
		mimeType = checked.mimeType;
		stored = await ctx.blobs.put(sha256, checked.stream, { maxBytes: MAX_ATTACHMENT_BYTES });
	} catch (error) {
		throw uploadError(error);
	}
	const now = ctx.now().toISOString();
	const newOwners = await ctx.db.transaction().execute(async (trx) => {
		await trx
			.insertInto('sync_attachments')
			.values({ sha256, mime_type: mimeType, size: stored.size, uploaded_by: user.id, uploaded_at: now })
			.onConflict((oc) => oc.column('sha256').doNothing())
			.execute();
		const added = await trx
			.insertInto('sync_attachment_owners')
			.values(
				facilities.map((facility_id) => ({ sha256, facility_id, uploaded_by: user.id, uploaded_at: now }))
			)
			.onConflict((oc) => oc.columns(['sha256', 'facility_id']).doNothing())
			.returning('facility_id')
			.execute();
		for (const { facility_id } of added) {
			await writeAudit(trx, {
				at: new Date(now),
				userId: user.id,
				facilityId: facility_id,
				action: 'attachment.upload',
				entity: 'attachment',
				entityId: sha256,
				detail: { size: stored.size, mimeType }
			});
		}
		return added;
	});
	return { sha256, size: stored.size, mimeType, created: newOwners.length > 0 };
}

const tooLarge = () =>
	new ApiError(413, 'too_large', `Die Datei ist größer als ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`);

function uploadError(error: unknown): ApiError {
	if (error instanceof BlobTooLargeError) return tooLarge();
	// adapter-node cuts a body past BODY_SIZE_LIMIT with a 413 error: too large, not a broken connection.
	if (error instanceof Error && 'status' in error && error.status === 413) return tooLarge();
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
