import type { Generated } from 'kysely';
import type { Role } from '$lib/domain/accounts';

/**
 * Kysely types of the tables the migrations create. Conventions, so the same queries run on SQLite
 * and PostgreSQL: timestamps are ISO 8601 strings in UTC (`Date#toISOString`, so they also sort and
 * compare as text), flags are integers 0/1 (SQLite has no boolean), JSON is stored as text, ids are
 * text unless they must increase (then an identity column, see `identityColumn`).
 */

export type IsoTimestamp = string;
export type Flag = 0 | 1;

export interface FacilitiesTable {
	id: string;
	name: string;
	/** The Familienzentrum (single centre, or Verbund of up to five Kitas) the facility belongs to. */
	familienzentrum: string;
	created_at: IsoTimestamp;
}

export interface UsersTable {
	id: string;
	/** Stored lower-case; unique. */
	email: string;
	display_name: string;
	role: Role;
	/** argon2id PHC string; null until the user has used the one-time link. */
	password_hash: string | null;
	disabled: Flag;
	created_at: IsoTimestamp;
}

/** Facilities a team member or Leitung works in. */
export interface UserFacilitiesTable {
	user_id: string;
	facility_id: string;
}

/** Facilities a Fachberatung looks after. */
export interface AdvisorAssignmentsTable {
	user_id: string;
	facility_id: string;
}

export interface SessionsTable {
	/** SHA-256 of the cookie token, so a leaked table does not leak usable sessions. */
	id: string;
	user_id: string;
	created_at: IsoTimestamp;
	last_seen_at: IsoTimestamp;
	/** Absolute end; the idle end is last_seen_at + idle timeout. */
	expires_at: IsoTimestamp;
}

export interface PasswordTokensTable {
	/** SHA-256 of the token in the link. */
	id: string;
	user_id: string;
	created_at: IsoTimestamp;
	expires_at: IsoTimestamp;
	used_at: IsoTimestamp | null;
}

export interface LoginAttemptsTable {
	id: Generated<number>;
	at: IsoTimestamp;
	email: string;
	ip: string;
	success: Flag;
}

/** One „Passwort vergessen“ request, for its rate limits (auth/forgotPassword.ts). */
export interface PasswordResetRequestsTable {
	id: Generated<number>;
	at: IsoTimestamp;
	/** As entered (normalised), whether an account has it or not. */
	email: string;
	/** The client's throttle key (auth/addressKey.ts). */
	ip: string;
}

export interface AuditLogTable {
	id: Generated<number>;
	at: IsoTimestamp;
	user_id: string | null;
	facility_id: string | null;
	action: string;
	entity: string;
	entity_id: string | null;
	/** JSON object. */
	detail: string;
}

export interface CatalogueVersionsTable {
	/** `${catalogueId}@${version}` */
	id: string;
	catalogue_id: string;
	version: string;
	title: string;
	official: Flag;
	/** The full catalogue as validated JSON. */
	json: string;
	/** At most one row is active: the catalogue in force for the deployment. */
	active: Flag;
	created_at: IsoTimestamp;
	created_by: string | null;
}

/**
 * Team invitations (migration `20261204T2130_team_invitations`): see accounts/teamInvitations.ts for
 * why they are not accounts.
 */
export interface TeamInvitationsTable {
	id: string;
	email: string;
	display_name: string;
	/** JSON array of facility ids. */
	facility_ids: string;
	disabled: Flag;
	password_set: Flag;
	created_by: string;
	created_at: IsoTimestamp;
	token_hash: string | null;
	token_expires_at: IsoTimestamp | null;
	/** When the current link was used (migration `20261206T0430_firstrun_invitation_link_use`). */
	token_used_at: IsoTimestamp | null;
}

// Sync (migrations `20261121T0600_sync`, `20261204T2135_attachment_owners`).

export interface SyncRecordsTable {
	table_name: string;
	record_id: string;
	/** The owner, set once when the record is created, from the session; never from a request. */
	facility_id: string;
	/** The record as JSON. */
	data: string;
	/** Revision of the last change applied to the record. */
	revision: number;
	/** JSON `{ field: revision }`: when each field last changed. */
	field_revisions: string;
	/** JSON `{ field: deviceId }`: which device changed each field last. */
	field_writers: string;
	deleted: Flag;
}

export interface SyncDevicesTable {
	device_id: string;
	/** The user whose changes the device pushes; another user is refused. */
	user_id: string;
	/** Highest change seq of the device the server has processed. */
	last_seq: number;
	updated_at: IsoTimestamp;
}

export interface SyncRejectionsTable {
	device_id: string;
	seq: number;
	code: string;
	reason: string;
}

export interface SyncRevisionCounterTable {
	id: number;
	value: number;
}

export interface SyncAttachmentsTable {
	sha256: string;
	/** Detected from the bytes on arrival. */
	mime_type: string;
	size: number;
	uploaded_by: string | null;
	uploaded_at: IsoTimestamp;
}

/**
 * Which facilities own a file (migration `20261204T2135_attachment_owners`): those for which
 * someone uploaded its bytes, read and checked in full. Only they may cite it, and only their
 * readers download it. Owned once, owned for good (dossiers keep citing their files).
 */
export interface SyncAttachmentOwnersTable {
	sha256: string;
	facility_id: string;
	/** Null for owners migrated from the citations of their records. */
	uploaded_by: string | null;
	uploaded_at: IsoTimestamp;
}

/** Which facilities cited a file before ownership (no longer written; read by the owners migration). */
export interface SyncAttachmentCitationsTable {
	sha256: string;
	facility_id: string;
}

/** Dossiers handed in (migration `20261121T0700_dossiers`). */
export interface DossiersTable {
	id: string;
	/** Made on the device; unique, so a resent hand-in is stored once. */
	submission_id: string;
	facility_id: string;
	period_key: string;
	/** 1, 2, 3 … per facility and period. */
	version: number;
	catalogue_id: string;
	catalogue_version: string;
	readiness_passes: Flag;
	/** User id of the Leitung who handed it in, and her name at that moment. */
	submitted_by: string;
	submitted_by_name: string;
	prepared_at: IsoTimestamp;
	received_at: IsoTimestamp;
	/** The snapshot as JSON (`dossierSnapshotSchema`). */
	snapshot: string;
}

/** An attachment file kept in the database (`FILE_STORE=database`, migration `20261206T0400_data_file_blobs`). */
export interface FileBlobsTable {
	sha256: string;
	size: number;
	chunk_count: number;
	stored_at: IsoTimestamp;
}

/** One piece of a file's bytes; `blob_key` is the file's SHA-256, or `tmp-…` while it is uploaded. */
export interface FileBlobChunksTable {
	blob_key: string;
	/** 0, 1, 2 … in the order of the bytes. */
	seq: number;
	bytes: Uint8Array;
	written_at: IsoTimestamp;
}

/** Every table of the server's database, as the migrations in `migrations/` leave it. */
export interface Database {
	facilities: FacilitiesTable;
	users: UsersTable;
	user_facilities: UserFacilitiesTable;
	advisor_assignments: AdvisorAssignmentsTable;
	sessions: SessionsTable;
	password_tokens: PasswordTokensTable;
	login_attempts: LoginAttemptsTable;
	password_reset_requests: PasswordResetRequestsTable;
	audit_log: AuditLogTable;
	catalogue_versions: CatalogueVersionsTable;
	team_invitations: TeamInvitationsTable;
	sync_records: SyncRecordsTable;
	sync_devices: SyncDevicesTable;
	sync_rejections: SyncRejectionsTable;
	sync_revision_counter: SyncRevisionCounterTable;
	sync_attachments: SyncAttachmentsTable;
	sync_attachment_citations: SyncAttachmentCitationsTable;
	sync_attachment_owners: SyncAttachmentOwnersTable;
	dossiers: DossiersTable;
	file_blobs: FileBlobsTable;
	file_blob_chunks: FileBlobChunksTable;
}
