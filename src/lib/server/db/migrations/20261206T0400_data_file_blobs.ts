import type { Kysely } from 'kysely';
import type { DialectName } from '../database';

/**
 * Attachment files in the database (`FILE_STORE=database`, db/blobStoreDatabase.ts), so that several
 * app servers on one PostgreSQL share them. A file is a row in `file_blobs` and its bytes are rows of
 * `file_blob_chunks` of about 1 MB each, never one value of 25 MB. Chunks of an upload in progress
 * carry a temporary key and take the file's SHA-256 when it is complete and checked. Created on
 * SQLite too, where they stay empty: one schema for both databases.
 */
// Migrations take Kysely<any>: they describe the database as it was then, not today's types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
	await db.schema
		.createTable('file_blobs')
		.addColumn('sha256', 'text', (col) => col.primaryKey())
		.addColumn('size', 'bigint', (col) => col.notNull())
		.addColumn('chunk_count', 'integer', (col) => col.notNull())
		.addColumn('stored_at', 'text', (col) => col.notNull())
		.execute();
	await db.schema
		.createTable('file_blob_chunks')
		.addColumn('blob_key', 'text', (col) => col.notNull())
		.addColumn('seq', 'integer', (col) => col.notNull())
		.addColumn('bytes', dialect === 'postgres' ? 'bytea' : 'blob', (col) => col.notNull())
		.addColumn('written_at', 'text', (col) => col.notNull())
		.addPrimaryKeyConstraint('file_blob_chunks_pk', ['blob_key', 'seq'])
		.execute();
}
