import type { Kysely } from 'kysely';

/**
 * Team accounts a Leitung created for an address that already has an account elsewhere in the
 * deployment. They look and behave like a new team account to her (accounts/teamInvitations.ts), so
 * team creation does not tell her which addresses exist in other centres.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('team_invitations')
		.addColumn('id', 'text', (col) => col.primaryKey())
		.addColumn('email', 'text', (col) => col.notNull())
		.addColumn('display_name', 'text', (col) => col.notNull())
		// JSON array of facility ids; no foreign keys, like the audit log.
		.addColumn('facility_ids', 'text', (col) => col.notNull())
		.addColumn('disabled', 'integer', (col) => col.notNull().defaultTo(0))
		.addColumn('password_set', 'integer', (col) => col.notNull().defaultTo(0))
		.addColumn('created_by', 'text', (col) => col.notNull())
		.addColumn('created_at', 'text', (col) => col.notNull())
		// SHA-256 of the current one-time link's token, as in password_tokens.
		.addColumn('token_hash', 'text')
		.addColumn('token_expires_at', 'text')
		.execute();
	await db.schema
		.createIndex('team_invitations_token_idx')
		.on('team_invitations')
		.column('token_hash')
		.execute();
	await db.schema.createIndex('team_invitations_email_idx').on('team_invitations').column('email').execute();
}
