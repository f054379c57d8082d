import type { Kysely } from 'kysely';

/**
 * When a team invitation's link was used. Its token hash now stays after use (it was cleared), so a
 * tablet opening the link again is told „schon benutzt“ as for an account's link, not „ungültig“.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('team_invitations').addColumn('token_used_at', 'text').execute();
}
