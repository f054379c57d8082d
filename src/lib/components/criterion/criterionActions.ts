import type { AttachmentCheck, AttachmentKind, PreparedAttachment } from '$lib/client/media/attachment';
import type { CriterionStatusValue, Evidence } from '$lib/domain/records';
import type { EvidenceInput } from '$lib/components/evidence/evidenceDraft';

/** Fields of an evidence item the edit form may change; kind and file stay as they were added. */
export type EvidencePatch = Pick<Evidence, 'title' | 'date' | 'validUntil' | 'url' | 'note' | 'criterionIds'>;

export interface AddEvidenceResult {
	evidence: Evidence;
	/** German reason when the text was saved but the file could not be (e.g. storage full). */
	attachmentError: string | null;
}

/**
 * What the criterion page can do. The route binds these to the workspace services; tests pass
 * fakes, so the components never touch the database themselves. When one rejects, the components
 * show a German message and keep what was typed.
 */
export interface CriterionActions {
	setStatus(status: CriterionStatusValue): Promise<void>;
	saveNote(note: string): Promise<void>;
	addEvidence(input: EvidenceInput, file: PreparedAttachment | null): Promise<AddEvidenceResult>;
	updateEvidence(id: string, patch: EvidencePatch): Promise<void>;
	deleteEvidence(id: string): Promise<void>;
	/** Stores the file of existing evidence again, e.g. after the storage was full. */
	attachFile(id: string, file: PreparedAttachment): Promise<{ attachmentError: string | null }>;
	/** The stored file, or undefined when it is not on this device. */
	getAttachment(sha256: string): Promise<Blob | undefined>;
	/** Checks and prepares a picked file (size, type, photo downscaling and metadata removal). */
	prepareFile(file: File, kind: AttachmentKind): Promise<AttachmentCheck>;
}

/** Errors of the workspace services, whose messages are German and meant for the user. */
const USER_FACING_ERRORS = new Set(['RecordValidationError', 'RecordNotFoundError', 'StorageFullError']);

/**
 * A German message for the user from anything an action threw: the service's own message when it
 * is meant for users, otherwise `fallback` (technical messages would only confuse).
 */
export function errorMessage(error: unknown, fallback: string): string {
	if (!(error instanceof Error)) return fallback;
	if (error.name === 'RecordValidationError' && 'issues' in error && Array.isArray(error.issues)) {
		const messages = (error.issues as { message?: unknown }[])
			.map((issue) => issue.message)
			.filter((m): m is string => typeof m === 'string');
		if (messages.length > 0) return `${fallback} ${messages.join(' ')}`;
	}
	if (USER_FACING_ERRORS.has(error.name)) return `${fallback} ${error.message}`;
	if (error.name === 'QuotaExceededError') return `${fallback} Der Speicher des Geräts ist voll.`;
	return fallback;
}
