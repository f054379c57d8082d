import { db } from '$lib/client/db';
import { getAttachment, sha256Hex, storeAttachment } from '$lib/client/db/attachments';
import { putRecord, softDeleteRecord, updateRecord, type SyncedRecordInput } from '$lib/client/db/changes';
import {
	FREE_STORAGE_ADVICE,
	RecordNotFoundError,
	RecordValidationError,
	StorageFullError,
	isQuotaExceeded
} from '$lib/client/db/errors';
import { newId, nowIso } from '$lib/client/db/ids';
import { formatBytesDe } from '$lib/client/services/storageHealth';
import {
	MAX_ATTACHMENT_BYTES,
	storedFileName,
	type AttachmentRef,
	type Evidence,
	type EvidenceKind
} from '$lib/domain/records';

export { getAttachment };

/** What the evidence form hands in; id, file reference and bookkeeping are set here. */
export type EvidenceInput = Omit<SyncedRecordInput<'evidence'>, 'id' | 'attachment' | 'deleted'>;
/** The editable fields of stored evidence (the file is replaced with `attachEvidenceFile`). */
export type EvidencePatch = Partial<Omit<EvidenceInput, 'facilityId'>>;

/** A picked or captured file, e.g. a `PreparedAttachment` from `$lib/client/media/attachment`. */
export interface EvidenceFile {
	blob: Blob;
	fileName: string;
	mimeType?: string;
}

/**
 * `attachmentError` is null when everything was stored. Otherwise the record is saved and cites the
 * file (name, type, size, hash) but its bytes are not on this device; the message says why in German.
 */
export interface EvidenceResult {
	evidence: Evidence;
	attachmentError: string | null;
}

/**
 * Adds evidence: the record first, then its file in a transaction of its own. Bad input throws
 * `RecordValidationError` before anything is written. The record is small and goes first, so what
 * the leader typed is saved even when the file then no longer fits (storage full): the record cites
 * the file, its bytes are missing, `attachmentError` explains and the UI offers to add it again.
 * Only when not even the record fits does this throw `StorageFullError` (the form keeps the input).
 */
export async function addEvidence(input: EvidenceInput, file?: EvidenceFile): Promise<EvidenceResult> {
	const attachment = file ? await attachmentRefOf(file) : null;
	const draft = { ...input, id: newId(), attachment };
	let evidence: Evidence;
	try {
		evidence = await putRecord('evidence', draft);
	} catch (error) {
		if (isQuotaExceeded(error)) throw new StorageFullError(error);
		throw error;
	}
	const attachmentError = file && attachment ? await tryStoreFile(file, attachment, input.kind) : null;
	return { evidence, attachmentError };
}

/** Saves edits to evidence. Throws `RecordValidationError` (German) or `RecordNotFoundError`. */
export async function updateEvidence(id: string, patch: EvidencePatch): Promise<Evidence> {
	const { kind, title, note, url, date, validUntil, criterionIds, siteId } = patch;
	const fields = { kind, title, note, url, date, validUntil, criterionIds, siteId };
	const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
	return updateRecord('evidence', id, defined);
}

/**
 * Gives stored evidence a (new) file, e.g. again after the storage was full. If storing fails the
 * record keeps its old reference and `attachmentError` says why.
 */
export async function attachEvidenceFile(id: string, file: EvidenceFile): Promise<EvidenceResult> {
	const attachment = await attachmentRefOf(file);
	const current = await db.evidence.get(id);
	if (!current || current.deleted) throw new RecordNotFoundError('evidence', id);
	const attachmentError = await tryStoreFile(file, attachment, current.kind);
	if (attachmentError) return { evidence: current, attachmentError };
	const evidence = await updateRecord('evidence', id, { attachment });
	await requeueChangesRefusedForMissingFile(id);
	return { evidence, attachmentError: null };
}

/**
 * Evidence saved while its file could not be stored went to the server without the file, which
 * refused it (`missing_attachment`): the text never arrived. Now that the file is here, those
 * changes go again, with the record's current values (read when sent, after the file's upload).
 */
async function requeueChangesRefusedForMissingFile(id: string): Promise<void> {
	await db.transaction('rw', db.outbox, async () => {
		const refused = await db.outbox
			.where({ table: 'evidence', recordId: id })
			.filter((e) => e.status === 'rejected' && e.rejection?.code === 'missing_attachment')
			.toArray();
		for (const entry of refused) {
			await db.outbox.delete(entry.seq!);
			await db.outbox.add({
				table: entry.table,
				recordId: entry.recordId,
				op: entry.op,
				fields: entry.fields,
				createdAt: nowIso()
			});
		}
	});
}

/** Deletes evidence softly; its file stays until sync has confirmed it (see docs/local-data.md). */
export async function deleteEvidence(id: string): Promise<void> {
	await softDeleteRecord('evidence', id);
}

async function attachmentRefOf(file: EvidenceFile): Promise<AttachmentRef> {
	const size = file.blob.size;
	if (size === 0) throw fileIssue('Die Datei ist leer.');
	if (size > MAX_ATTACHMENT_BYTES) {
		throw fileIssue(
			`Die Datei ist zu groß (${formatBytesDe(size)}). Erlaubt sind höchstens ${formatBytesDe(MAX_ATTACHMENT_BYTES)}.`
		);
	}
	let sha256: string;
	try {
		sha256 = await sha256Hex(await file.blob.arrayBuffer());
	} catch (error) {
		throw fileIssue(error instanceof Error ? error.message : 'Die Datei konnte nicht gelesen werden.');
	}
	const mimeType = file.mimeType || file.blob.type || 'application/octet-stream';
	return { sha256, mimeType, size, fileName: storedFileName(file.fileName, 'Datei') };
}

function fileIssue(message: string): RecordValidationError {
	return new RecordValidationError('evidence', [{ path: 'attachment', message }]);
}

/** Stores the bytes; returns a German message instead of throwing, so the record is still saved. */
async function tryStoreFile(
	file: EvidenceFile,
	ref: AttachmentRef,
	kind: EvidenceKind
): Promise<string | null> {
	const [what, it] = kind === 'photo' ? ['Foto', 'das Foto'] : ['Datei', 'die Datei'];
	try {
		await storeAttachment(ref.sha256, file.blob, ref.mimeType);
		return null;
	} catch (error) {
		if (isQuotaExceeded(error)) {
			return (
				`${what} konnte nicht gespeichert werden: Speicher voll. Der Nachweis ist ohne ${it} ` +
				`gespeichert. ${FREE_STORAGE_ADVICE} Danach ${it} mit „${what} erneut hinzufügen“ anhängen.`
			);
		}
		console.error('Storing an attachment failed', error);
		return `${what} konnte nicht gespeichert werden. Der Nachweis ist ohne ${it} gespeichert; bitte ${it} erneut hinzufügen.`;
	}
}
