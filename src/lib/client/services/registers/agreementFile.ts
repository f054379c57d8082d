import { getAttachment, sha256Hex, storeAttachment } from '$lib/client/db/attachments';
import { RecordValidationError, isQuotaExceeded } from '$lib/client/db/errors';
import { formatBytesDe } from '$lib/client/services/storageHealth';
import { MAX_ATTACHMENT_BYTES, storedFileName, type AttachmentRef } from '$lib/domain/records';

/** A picked file: the signed agreement (PDF or photo). */
export interface AgreementFile {
	blob: Blob;
	fileName: string;
	mimeType?: string;
}

/**
 * The reference a record stores for a file; refuses empty and too large files in German, on the
 * form field `path` (the agreement, or a qualification's certificate), naming a nameless file `fallbackName`.
 */
export async function agreementFileRef(
	file: AgreementFile,
	table: string,
	{ path = 'agreement', fallbackName = 'Vereinbarung' } = {}
): Promise<AttachmentRef> {
	const size = file.blob.size;
	const issue = (message: string) => new RecordValidationError(table, [{ path, message }]);
	if (size === 0) throw issue('Die Datei ist leer.');
	if (size > MAX_ATTACHMENT_BYTES) {
		throw issue(
			`Die Datei ist zu groß (${formatBytesDe(size)}). Erlaubt sind höchstens ${formatBytesDe(MAX_ATTACHMENT_BYTES)}.`
		);
	}
	let sha256: string;
	try {
		sha256 = await sha256Hex(await file.blob.arrayBuffer());
	} catch (error) {
		throw issue(error instanceof Error ? error.message : 'Die Datei konnte nicht gelesen werden.');
	}
	const mimeType = file.mimeType || file.blob.type || 'application/octet-stream';
	return { sha256, mimeType, size, fileName: storedFileName(file.fileName, fallbackName) };
}

/**
 * Stores the file's bytes. Returns a German message instead of throwing, so that the record (what
 * the leader typed) is still saved when the device's storage is full.
 */
export async function tryStoreAgreementFile(file: AgreementFile, ref: AttachmentRef): Promise<string | null> {
	try {
		await storeAttachment(ref.sha256, file.blob, ref.mimeType);
		return null;
	} catch (error) {
		if (isQuotaExceeded(error)) {
			return 'Die Datei konnte nicht gespeichert werden: Speicher voll. Die Angaben sind ohne Datei gespeichert; bitte Speicher freigeben und die Datei erneut hinzufügen.';
		}
		console.error('Storing an agreement file failed', error);
		return 'Die Datei konnte nicht gespeichert werden. Die Angaben sind ohne Datei gespeichert; bitte die Datei erneut hinzufügen.';
	}
}

/**
 * Opens a stored agreement file in a new tab (PDF viewer or image). Resolves false when its bytes
 * are not on this device, e.g. storage was full when it was saved or it came from another device.
 */
export async function openStoredFile(ref: AttachmentRef): Promise<boolean> {
	const stored = await getAttachment(ref.sha256);
	if (!stored) return false;
	const url = URL.createObjectURL(new Blob([stored.blob], { type: ref.mimeType }));
	const opened = window.open(url, '_blank', 'noopener');
	if (!opened) {
		// Pop-ups blocked: fall back to a download.
		const link = document.createElement('a');
		link.href = url;
		link.download = ref.fileName;
		link.click();
	}
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
	return true;
}
