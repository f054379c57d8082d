import { z } from 'zod';
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacter } from '../controlCharacters';

/**
 * The sync wire protocol, shared by the client's sync orchestrator and the server's handlers.
 * See docs/sync.md for the rules these shapes carry.
 */

/** Names of synced record tables; the server refuses any other. */
export const syncedTableNameSchema = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,40}$/);

const fieldValuesSchema = z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,60}$/), z.unknown());

/** One local change as it leaves the device. */
export const clientChangeSchema = z.object({
	/** Per device, strictly increasing by one; the server refuses a gap. */
	seq: z.number().int().min(1),
	table: syncedTableNameSchema,
	recordId: z
		.string()
		.min(1)
		.max(120)
		.refine((id) => !hasControlCharacter(id), CONTROL_CHARACTER_MESSAGE),
	op: z.enum(['put', 'delete']),
	/** The changed fields with their new values (all fields for a new record). */
	values: fieldValuesSchema,
	/** Server revision of the record this change was made on; 0 for a record new on this device. */
	baseRevision: z.number().int().min(0),
	changedAt: z.iso.datetime({ offset: true })
});
export type ClientChange = z.infer<typeof clientChangeSchema>;

export const MAX_PUSH_BATCH = 500;

export const pushRequestSchema = z.object({
	deviceId: z.uuid(),
	changes: z.array(clientChangeSchema).min(1).max(MAX_PUSH_BATCH)
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

/** A field edited on two devices: the server kept one value; the other is offered to the leader. */
export const fieldConflictSchema = z.object({
	field: z.string(),
	keptValue: z.unknown(),
	otherValue: z.unknown(),
	otherBy: z.string(),
	otherAt: z.iso.datetime({ offset: true }),
	/** Who wrote the kept value and when, when the server knows (see SyncConflict). */
	keptBy: z.string().optional(),
	keptAt: z.iso.datetime({ offset: true }).nullable().optional(),
	/**
	 * For a conflict on `deleted` (delete meets edit): the fields the editing side changed, so the
	 * Leitung sees what restoring keeps or deleting drops.
	 */
	changedFields: z.array(z.string()).optional()
});
export type FieldConflict = z.infer<typeof fieldConflictSchema>;

export const pulledRecordSchema = z.object({
	table: syncedTableNameSchema,
	recordId: z.string(),
	facilityId: z.string(),
	revision: z.number().int().min(1),
	deleted: z.boolean(),
	/** The full current record as the server holds it. */
	record: z.record(z.string(), z.unknown())
});
export type PulledRecord = z.infer<typeof pulledRecordSchema>;

export const pushResultSchema = z.object({
	seq: z.number().int(),
	status: z.enum(['accepted', 'duplicate', 'rejected']),
	/** Revision the server gave the record (accepted and duplicate). */
	revision: z.number().int().optional(),
	/** German reason for a rejected change; the change stays on the device, marked. */
	reason: z.string().optional(),
	code: z.enum(['validation', 'permission', 'unknown_table', 'missing_attachment']).optional(),
	conflicts: z.array(fieldConflictSchema).optional(),
	/**
	 * The record as the server holds it, when it did not take the change as sent (rejected, or a
	 * conflict kept its value) and the user may read it: the device shows it instead of its own.
	 */
	current: pulledRecordSchema.optional()
});
export type PushResult = z.infer<typeof pushResultSchema>;

export const pushResponseSchema = z.object({
	results: z.array(pushResultSchema),
	/** Highest seq of this device the server has processed. */
	lastSeq: z.number().int().min(0)
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

/** 409 answer to a push whose first seq is beyond lastSeq + 1: resend from `expectedSeq`. */
export const pushGapSchema = z.object({
	error: z.object({ code: z.literal('sequence_gap'), message: z.string() }),
	expectedSeq: z.number().int().min(1)
});
export type PushGap = z.infer<typeof pushGapSchema>;

export const MAX_PULL_BATCH = 1000;

export const pullRequestSchema = z.object({
	cursor: z.coerce.number().int().min(0),
	limit: z.coerce.number().int().min(1).max(MAX_PULL_BATCH).default(MAX_PULL_BATCH)
});
export type PullRequest = z.infer<typeof pullRequestSchema>;

export const pullResponseSchema = z.object({
	records: z.array(pulledRecordSchema),
	/**
	 * The facilities the user sees now. When one is added (a new assignment), its older records lie
	 * behind the client's cursor, so the client pulls again from 0.
	 */
	facilityIds: z.array(z.string()),
	/** Pass back as `cursor` next time; the highest revision in this batch. */
	cursor: z.number().int().min(0),
	hasMore: z.boolean()
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/** File types the server takes as attachments, checked from the bytes, never from the name. */
export const ATTACHMENT_MIME_TYPES = [
	'application/pdf',
	'image/jpeg',
	'image/png',
	'image/webp',
	'image/heic',
	'image/heif'
] as const;

/** Answer to `PUT /api/sync/attachments/:sha256` (also when the server had the file already). */
export const attachmentUploadResponseSchema = z.object({
	sha256: z.string(),
	size: z.number().int(),
	mimeType: z.string(),
	/** False when the server had the file before: the upload was a harmless repeat. */
	created: z.boolean()
});
export type AttachmentUploadResponse = z.infer<typeof attachmentUploadResponseSchema>;
