import { db } from './index';
import { nowIso } from './ids';
import type { StoredAttachment, WorkspaceDb } from './WorkspaceDb';

/** SHA-256 of some bytes as lowercase hex: the id of an attachment. Needs a secure context (https). */
export async function sha256Hex(bytes: BufferSource): Promise<string> {
	if (typeof crypto === 'undefined' || !crypto.subtle) {
		throw new Error('Dateien können nur über eine sichere Verbindung (https) gespeichert werden.');
	}
	const digest = await crypto.subtle.digest('SHA-256', bytes);
	return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Stores a file's bytes under their hash. The same bytes are stored once, however many evidence
 * items cite them. Runs in its own transaction so that a full disk fails only this step.
 */
export async function storeAttachment(
	sha256: string,
	blob: Blob,
	mimeType: string,
	target: WorkspaceDb = db
): Promise<void> {
	await target.transaction('rw', target.attachments, async () => {
		if ((await target.attachments.where('sha256').equals(sha256).count()) > 0) return;
		const attachment: StoredAttachment = { sha256, blob, mimeType, size: blob.size, createdAt: nowIso() };
		await target.attachments.put(attachment);
	});
}

/** The stored file, or undefined when its bytes are not on this device (see docs/local-data.md). */
export async function getAttachment(
	sha256: string,
	target: WorkspaceDb = db
): Promise<StoredAttachment | undefined> {
	return target.attachments.get(sha256);
}

/** Which of `sha256s` have no stored bytes on this device. */
export async function findMissingAttachments(
	sha256s: string[],
	target: WorkspaceDb = db
): Promise<Set<string>> {
	const wanted = [...new Set(sha256s)];
	if (wanted.length === 0) return new Set();
	const present = new Set(await target.attachments.where('sha256').anyOf(wanted).primaryKeys());
	return new Set(wanted.filter((sha) => !present.has(sha)));
}
