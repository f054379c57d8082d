import type { Kysely } from 'kysely';
import type { DatabaseSchema, Flag, IsoTimestamp } from '../db/schema';

/** Kysely types of the sync tables (migration `20261121T0600_sync`); conventions as in db/schema.ts. */

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

// A type, not an interface: `withTables` needs the index signature a type literal has.
export type SyncTables = {
	sync_records: SyncRecordsTable;
	sync_devices: SyncDevicesTable;
	sync_rejections: SyncRejectionsTable;
	sync_revision_counter: SyncRevisionCounterTable;
	sync_attachments: SyncAttachmentsTable;
	sync_attachment_citations: SyncAttachmentCitationsTable;
	sync_attachment_owners: SyncAttachmentOwnersTable;
};

export type SyncDatabase = DatabaseSchema & SyncTables;

export function syncDb(db: Kysely<DatabaseSchema>): Kysely<SyncDatabase> {
	return db.withTables<SyncTables>();
}

/**
 * A database handle or transaction that has the sync tables, whatever other tables its type adds
 * (Kysely's types are invariant, so a `Transaction<DossierDatabase>` is no `Kysely<SyncDatabase>`).
 * The store helpers take this and see it as the sync database.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type WithSyncTables = Kysely<any>;

export function asSyncDb(db: WithSyncTables): Kysely<SyncDatabase> {
	return db as Kysely<SyncDatabase>;
}
