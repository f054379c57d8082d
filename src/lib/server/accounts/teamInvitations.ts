import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { PasswordLink, SessionUser, UserSummary } from '$lib/domain/accounts';
import { writeAudit } from '$lib/server/accounts/audit';
import { hashToken, newToken, setPasswordUrl } from '$lib/server/auth/tokens';
import type { ServerContext } from '$lib/server/context';
import type { Database, TeamInvitationsTable } from '$lib/server/db/schema';
import { ApiError } from '$lib/server/http/errors';

/**
 * When a Leitung creates a team account for an address that already has an account elsewhere in the
 * deployment, telling her so would let any Leitung find out who works in other centres. Instead she
 * gets what a new account gives her: a team account in her list, a one-time link, a link that sets a
 * password and says so. Behind it is this invitation, which never becomes an account and never
 * touches the existing one; the admin sees it in the audit log (`team.invitation_in_use`).
 */

const invitations = (db: Kysely<Database>) => db.selectFrom('team_invitations');

type InvitationRow = TeamInvitationsTable;

function toSummary(row: InvitationRow): UserSummary {
	return {
		id: row.id,
		email: row.email,
		displayName: row.display_name,
		role: 'team',
		disabled: row.disabled === 1,
		hasPassword: row.password_set === 1,
		facilityIds: JSON.parse(row.facility_ids) as string[],
		createdAt: row.created_at
	};
}

/** Invitations in any of these facilities, as the team accounts they pose as. */
export async function listInvitations(ctx: ServerContext, facilityIds: string[]): Promise<UserSummary[]> {
	if (facilityIds.length === 0) return [];
	const rows = await invitations(ctx.db).selectAll().execute();
	return rows.map(toSummary).filter((u) => u.facilityIds.some((f) => facilityIds.includes(f)));
}

export async function findInvitation(ctx: ServerContext, id: string): Promise<UserSummary | null> {
	const row = await invitations(ctx.db).selectAll().where('id', '=', id).executeTakeFirst();
	return row ? toSummary(row) : null;
}

async function newInvitationLink(ctx: ServerContext, id: string, origin: string): Promise<PasswordLink> {
	const token = newToken();
	const expiresAt = new Date(ctx.now().getTime() + ctx.config.passwordLinkMs).toISOString();
	await ctx.db
		.updateTable('team_invitations')
		.set({ token_hash: hashToken(token), token_expires_at: expiresAt, token_used_at: null })
		.where('id', '=', id)
		.execute();
	// Built exactly like createPasswordLink's, so the two cannot be told apart.
	return { url: setPasswordUrl(token, ctx.config.origin, origin), expiresAt };
}

export async function createInvitation(
	ctx: ServerContext,
	leitung: SessionUser,
	input: { email: string; displayName: string; facilityIds: string[] },
	origin: string
): Promise<{ user: UserSummary; link: PasswordLink }> {
	const id = randomUUID();
	const facilityIds = [...new Set(input.facilityIds)];
	await ctx.db.transaction().execute(async (trx) => {
		await trx
			.insertInto('team_invitations')
			.values({
				id,
				email: input.email,
				display_name: input.displayName,
				facility_ids: JSON.stringify(facilityIds),
				disabled: 0,
				password_set: 0,
				created_by: leitung.id,
				created_at: ctx.now().toISOString(),
				token_hash: null,
				token_expires_at: null,
				token_used_at: null
			})
			.execute();
		await writeAudit(trx, {
			at: ctx.now(),
			userId: leitung.id,
			facilityId: facilityIds.length === 1 ? facilityIds[0] : null,
			action: 'team.invitation_in_use',
			entity: 'team_invitation',
			entityId: id,
			detail: { email: input.email, facilityIds }
		});
	});
	const link = await newInvitationLink(ctx, id, origin);
	return { user: (await findInvitation(ctx, id))!, link };
}

export async function updateInvitation(
	ctx: ServerContext,
	leitung: SessionUser,
	id: string,
	patch: { disabled?: boolean; facilityIds?: string[] }
): Promise<UserSummary> {
	const changes: Partial<Pick<InvitationRow, 'disabled' | 'facility_ids' | 'token_hash'>> = {};
	if (patch.disabled !== undefined) changes.disabled = patch.disabled ? 1 : 0;
	// Locking ends the link, as locking an account makes its link unusable.
	if (patch.disabled === true) changes.token_hash = null;
	if (patch.facilityIds) changes.facility_ids = JSON.stringify([...new Set(patch.facilityIds)]);
	await ctx.db.transaction().execute(async (trx) => {
		await trx.updateTable('team_invitations').set(changes).where('id', '=', id).execute();
		await writeAudit(trx, {
			at: ctx.now(),
			userId: leitung.id,
			action: 'team.invitation_update',
			entity: 'team_invitation',
			entityId: id,
			detail: patch
		});
	});
	return (await findInvitation(ctx, id))!;
}

export async function issueInvitationLink(
	ctx: ServerContext,
	invitation: UserSummary,
	origin: string
): Promise<PasswordLink> {
	if (invitation.disabled) {
		throw new ApiError(409, 'disabled', 'Das Konto ist gesperrt. Bitte zuerst entsperren.');
	}
	return newInvitationLink(ctx, invitation.id, origin);
}

/** The invitation whose link this is, if the link can still be used. */
export async function usableInvitation(
	ctx: ServerContext,
	tokenHash: string
): Promise<{ email: string; displayName: string } | null> {
	const row = await invitations(ctx.db)
		.select(['email', 'display_name'])
		.where('token_hash', '=', tokenHash)
		.where('token_used_at', 'is', null)
		.where('token_expires_at', '>', ctx.now().toISOString())
		.where('disabled', '=', 0)
		.executeTakeFirst();
	return row ? { email: row.email, displayName: row.display_name } : null;
}

/**
 * Uses up an invitation's link as setting a password would, and answers with its email. The
 * password (already hashed by the caller, for equal timing) is thrown away: it must never reach the
 * existing account of that address.
 */
export async function redeemInvitation(
	ctx: ServerContext,
	tokenHash: string
): Promise<{ email: string } | null> {
	const now = ctx.now().toISOString();
	const db = ctx.db;
	const row = await db
		.selectFrom('team_invitations')
		.select(['id', 'email'])
		.where('token_hash', '=', tokenHash)
		.where('token_used_at', 'is', null)
		.where('token_expires_at', '>', now)
		.where('disabled', '=', 0)
		.executeTakeFirst();
	if (!row) return null;
	// The hash stays, marked used, so opening the link again says „schon benutzt“ (linkState).
	const claimed = await db
		.updateTable('team_invitations')
		.set({ token_used_at: now, password_set: 1 })
		.where('id', '=', row.id)
		.where('token_hash', '=', tokenHash)
		.where('token_used_at', 'is', null)
		.executeTakeFirst();
	if (Number(claimed.numUpdatedRows) !== 1) return null;
	await writeAudit(ctx.db, {
		at: ctx.now(),
		userId: null,
		action: 'team.invitation_redeemed',
		entity: 'team_invitation',
		entityId: row.id
	});
	return { email: row.email };
}

/** The state of an invitation's link, told apart as for an account's (passwordLinks.ts). */
export async function invitationLinkState(
	ctx: ServerContext,
	tokenHash: string
): Promise<{ usedAt: string | null; expiresAt: string | null; disabled: boolean } | null> {
	const row = await invitations(ctx.db)
		.select(['token_used_at', 'token_expires_at', 'disabled'])
		.where('token_hash', '=', tokenHash)
		.executeTakeFirst();
	return row
		? { usedAt: row.token_used_at, expiresAt: row.token_expires_at, disabled: row.disabled === 1 }
		: null;
}
