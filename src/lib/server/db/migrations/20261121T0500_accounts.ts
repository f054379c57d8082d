import { sql, type Kysely } from 'kysely';
import type { DialectName } from '$lib/server/db/database';
import { identityColumn } from '$lib/server/db/portable';

// Migrations take Kysely<any>: they describe the database as it was then, not today's types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
	await db.schema
		.createTable('facilities')
		.addColumn('id', 'text', (col) => col.primaryKey())
		.addColumn('name', 'text', (col) => col.notNull())
		.addColumn('familienzentrum', 'text', (col) => col.notNull().defaultTo(''))
		.addColumn('created_at', 'text', (col) => col.notNull())
		.execute();

	await db.schema
		.createTable('users')
		.addColumn('id', 'text', (col) => col.primaryKey())
		.addColumn('email', 'text', (col) => col.notNull().unique())
		.addColumn('display_name', 'text', (col) => col.notNull())
		.addColumn('role', 'text', (col) =>
			col.notNull().check(sql`role in ('team', 'leitung', 'fachberatung', 'admin')`)
		)
		.addColumn('password_hash', 'text')
		.addColumn('disabled', 'integer', (col) => col.notNull().defaultTo(0))
		.addColumn('created_at', 'text', (col) => col.notNull())
		.execute();

	for (const table of ['user_facilities', 'advisor_assignments']) {
		await db.schema
			.createTable(table)
			.addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
			.addColumn('facility_id', 'text', (col) =>
				col.notNull().references('facilities.id').onDelete('cascade')
			)
			.addPrimaryKeyConstraint(`${table}_pk`, ['user_id', 'facility_id'])
			.execute();
		await db.schema.createIndex(`${table}_facility_idx`).on(table).column('facility_id').execute();
	}

	await db.schema
		.createTable('sessions')
		.addColumn('id', 'text', (col) => col.primaryKey())
		.addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
		.addColumn('created_at', 'text', (col) => col.notNull())
		.addColumn('last_seen_at', 'text', (col) => col.notNull())
		.addColumn('expires_at', 'text', (col) => col.notNull())
		.execute();
	await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

	await db.schema
		.createTable('password_tokens')
		.addColumn('id', 'text', (col) => col.primaryKey())
		.addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
		.addColumn('created_at', 'text', (col) => col.notNull())
		.addColumn('expires_at', 'text', (col) => col.notNull())
		.addColumn('used_at', 'text')
		.execute();
	await db.schema.createIndex('password_tokens_user_idx').on('password_tokens').column('user_id').execute();

	await db.schema
		.createTable('login_attempts')
		.addColumn('id', ...identityColumn(dialect))
		.addColumn('at', 'text', (col) => col.notNull())
		.addColumn('email', 'text', (col) => col.notNull())
		.addColumn('ip', 'text', (col) => col.notNull())
		.addColumn('success', 'integer', (col) => col.notNull())
		.execute();
	await db.schema
		.createIndex('login_attempts_email_idx')
		.on('login_attempts')
		.columns(['email', 'at'])
		.execute();
	await db.schema.createIndex('login_attempts_ip_idx').on('login_attempts').columns(['ip', 'at']).execute();

	await db.schema
		.createTable('audit_log')
		.addColumn('id', ...identityColumn(dialect))
		.addColumn('at', 'text', (col) => col.notNull())
		// No foreign keys: the log must outlive the users and facilities it mentions.
		.addColumn('user_id', 'text')
		.addColumn('facility_id', 'text')
		.addColumn('action', 'text', (col) => col.notNull())
		.addColumn('entity', 'text', (col) => col.notNull())
		.addColumn('entity_id', 'text')
		.addColumn('detail', 'text', (col) => col.notNull().defaultTo('{}'))
		.execute();
	await db.schema
		.createIndex('audit_log_facility_idx')
		.on('audit_log')
		.columns(['facility_id', 'id'])
		.execute();

	await db.schema
		.createTable('catalogue_versions')
		.addColumn('id', 'text', (col) => col.primaryKey())
		.addColumn('catalogue_id', 'text', (col) => col.notNull())
		.addColumn('version', 'text', (col) => col.notNull())
		.addColumn('title', 'text', (col) => col.notNull())
		.addColumn('official', 'integer', (col) => col.notNull().defaultTo(0))
		.addColumn('json', 'text', (col) => col.notNull())
		.addColumn('active', 'integer', (col) => col.notNull().defaultTo(0))
		.addColumn('created_at', 'text', (col) => col.notNull())
		.addColumn('created_by', 'text')
		.addUniqueConstraint('catalogue_versions_version_unique', ['catalogue_id', 'version'])
		.execute();
}
