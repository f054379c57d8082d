import type { Kysely } from 'kysely';
import type { DialectName } from '$lib/server/db/database';
import { identityColumn } from '$lib/server/db/portable';

/**
 * Requests of „Passwort vergessen“, kept for an hour to limit them per e-mail address and per client
 * address (auth/forgotPassword.ts). Rows are written whether an account exists or not.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
	await db.schema
		.createTable('password_reset_requests')
		.addColumn('id', ...identityColumn(dialect))
		.addColumn('at', 'text', (col) => col.notNull())
		.addColumn('email', 'text', (col) => col.notNull())
		.addColumn('ip', 'text', (col) => col.notNull())
		.execute();
	await db.schema
		.createIndex('password_reset_requests_email_idx')
		.on('password_reset_requests')
		.columns(['email', 'at'])
		.execute();
	await db.schema
		.createIndex('password_reset_requests_ip_idx')
		.on('password_reset_requests')
		.columns(['ip', 'at'])
		.execute();
}
