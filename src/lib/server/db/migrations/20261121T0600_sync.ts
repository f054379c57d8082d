import type { Kysely } from 'kysely';
import type { DialectName } from '$lib/server/db/database';

// Migrations take Kysely<any>: they describe the database as it was then, not today's types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
	// Revisions are counted server-wide; bigint on PostgreSQL (SQLite integers are 64-bit anyway).
	const revisionType = dialect === 'postgres' ? 'bigint' : 'integer';

	await db.schema
		.createTable('sync_records')
		.addColumn('table_name', 'text', (col) => col.notNull())
		.addColumn('record_id', 'text', (col) => col.notNull())
		// No foreign key: a record outlives nothing, but the owner must never be taken from a request.
		.addColumn('facility_id', 'text', (col) => col.notNull())
		.addColumn('data', 'text', (col) => col.notNull())
		.addColumn('revision', revisionType, (col) => col.notNull())
		.addColumn('field_revisions', 'text', (col) => col.notNull().defaultTo('{}'))
		.addColumn('field_writers', 'text', (col) => col.notNull().defaultTo('{}'))
		.addColumn('deleted', 'integer', (col) => col.notNull().defaultTo(0))
		.addPrimaryKeyConstraint('sync_records_pk', ['table_name', 'record_id'])
		.execute();
	// Pull reads "records of these facilities after this revision, in order".
	await db.schema
		.createIndex('sync_records_facility_revision_idx')
		.on('sync_records')
		.columns(['facility_id', 'revision'])
		.execute();
	await db.schema.createIndex('sync_records_revision_idx').on('sync_records').column('revision').execute();

	await db.schema
		.createTable('sync_devices')
		.addColumn('device_id', 'text', (col) => col.primaryKey())
		.addColumn('user_id', 'text', (col) => col.notNull())
		.addColumn('last_seq', 'integer', (col) => col.notNull().defaultTo(0))
		.addColumn('updated_at', 'text', (col) => col.notNull())
		.execute();

	// Rejected changes, so a resent batch is answered "rejected" again rather than "duplicate":
	// the device must keep showing the change with its reason, never drop it.
	await db.schema
		.createTable('sync_rejections')
		.addColumn('device_id', 'text', (col) => col.notNull())
		.addColumn('seq', 'integer', (col) => col.notNull())
		.addColumn('code', 'text', (col) => col.notNull())
		.addColumn('reason', 'text', (col) => col.notNull())
		.addPrimaryKeyConstraint('sync_rejections_pk', ['device_id', 'seq'])
		.execute();

	// One row holding the last revision given out; every push locks it first.
	await db.schema
		.createTable('sync_revision_counter')
		.addColumn('id', 'integer', (col) => col.primaryKey())
		.addColumn('value', revisionType, (col) => col.notNull())
		.execute();
	await db.insertInto('sync_revision_counter').values({ id: 1, value: 0 }).execute();

	await db.schema
		.createTable('sync_attachments')
		.addColumn('sha256', 'text', (col) => col.primaryKey())
		.addColumn('mime_type', 'text', (col) => col.notNull())
		.addColumn('size', 'integer', (col) => col.notNull())
		.addColumn('uploaded_by', 'text')
		.addColumn('uploaded_at', 'text', (col) => col.notNull())
		.execute();

	// Which facilities' records cite a file: who may download it.
	await db.schema
		.createTable('sync_attachment_citations')
		.addColumn('sha256', 'text', (col) => col.notNull())
		.addColumn('facility_id', 'text', (col) => col.notNull())
		.addPrimaryKeyConstraint('sync_attachment_citations_pk', ['sha256', 'facility_id'])
		.execute();
}
