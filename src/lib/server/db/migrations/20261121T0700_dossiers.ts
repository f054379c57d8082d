import { sql, type Kysely } from 'kysely';
import type { DialectName } from '$lib/server/db/database';

// Migrations take Kysely<any>: they describe the database as it was then, not today's types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
	await db.schema
		.createTable('dossiers')
		.addColumn('id', 'text', (col) => col.primaryKey())
		// Made on the device: a resent hand-in finds its dossier instead of making a second one.
		.addColumn('submission_id', 'text', (col) => col.notNull().unique())
		// No foreign keys: like the audit log, a handed-in dossier outlives accounts and facilities.
		.addColumn('facility_id', 'text', (col) => col.notNull())
		.addColumn('period_key', 'text', (col) => col.notNull())
		.addColumn('version', 'integer', (col) => col.notNull())
		.addColumn('catalogue_id', 'text', (col) => col.notNull())
		.addColumn('catalogue_version', 'text', (col) => col.notNull())
		.addColumn('readiness_passes', 'integer', (col) => col.notNull())
		.addColumn('submitted_by', 'text', (col) => col.notNull())
		.addColumn('submitted_by_name', 'text', (col) => col.notNull())
		.addColumn('prepared_at', 'text', (col) => col.notNull())
		.addColumn('received_at', 'text', (col) => col.notNull())
		.addColumn('snapshot', 'text', (col) => col.notNull())
		.addUniqueConstraint('dossiers_version_unique', ['facility_id', 'period_key', 'version'])
		.execute();
	await db.schema
		.createIndex('dossiers_facility_idx')
		.on('dossiers')
		.columns(['facility_id', 'received_at'])
		.execute();

	// A handed-in dossier is a record of what the centre stated at that moment: the database itself
	// refuses to change or remove one, whatever code runs against it.
	if (dialect === 'postgres') {
		await sql`
			create function dossiers_immutable() returns trigger language plpgsql as $$
			begin
				raise exception 'dossiers are immutable';
			end;
			$$`.execute(db);
		await sql`
			create trigger dossiers_no_update before update or delete on dossiers
			for each row execute function dossiers_immutable()`.execute(db);
	} else {
		await sql`
			create trigger dossiers_no_update before update on dossiers
			begin select raise(abort, 'dossiers are immutable'); end`.execute(db);
		await sql`
			create trigger dossiers_no_delete before delete on dossiers
			begin select raise(abort, 'dossiers are immutable'); end`.execute(db);
	}
}
