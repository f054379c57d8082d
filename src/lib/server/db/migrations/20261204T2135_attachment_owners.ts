import { sql, type Kysely } from 'kysely';

/**
 * Files belong to the facilities that uploaded them: a record may cite a file, and a user download
 * it, only for a facility that owns it. Until now the server let any facility cite any file whose
 * bytes it had, so a centre that knew another's hash could obtain the file.
 *
 * Existing data: every facility whose records (or dossiers) cite a file today becomes its owner, so
 * nothing a centre has now stops working. `uploaded_by` stays empty for those rows: who uploaded
 * the bytes was recorded once per file, not per facility.
 */
// Migrations take Kysely<any>: they describe the database as it was then, not today's types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('sync_attachment_owners')
		.addColumn('sha256', 'text', (col) => col.notNull())
		.addColumn('facility_id', 'text', (col) => col.notNull())
		.addColumn('uploaded_by', 'text')
		.addColumn('uploaded_at', 'text', (col) => col.notNull())
		.addPrimaryKeyConstraint('sync_attachment_owners_pk', ['sha256', 'facility_id'])
		.execute();

	const migratedAt = new Date().toISOString();
	await sql`
		insert into sync_attachment_owners (sha256, facility_id, uploaded_by, uploaded_at)
		select c.sha256, c.facility_id, null, coalesce(a.uploaded_at, ${migratedAt})
		from sync_attachment_citations c
		left join sync_attachments a on a.sha256 = c.sha256
	`.execute(db);
}
