import type { PasswordLink } from '$lib/domain/accounts';
import { weakPasswordMessage } from '$lib/domain/passwordStrength';
import type { PasswordLinkCheck } from '$lib/domain/passwordLinkState';
import {
	invitationLinkState,
	redeemInvitation,
	usableInvitation
} from '$lib/server/accounts/teamInvitations';
import { writeAudit } from '$lib/server/accounts/audit';
import type { ServerContext } from '$lib/server/context';
import { ApiError } from '$lib/server/http/errors';
import { hashPassword } from './password';
import { hashToken, newToken, setPasswordUrl } from './tokens';

export { SET_PASSWORD_PATH } from './tokens';

/**
 * A new one-time link for the user to set a password, replacing any earlier unused link. Only the
 * token's hash is stored; the link itself exists once, in this answer.
 */
export async function createPasswordLink(
	ctx: ServerContext,
	userId: string,
	origin: string
): Promise<PasswordLink> {
	const token = newToken();
	const now = ctx.now();
	const expiresAt = new Date(now.getTime() + ctx.config.passwordLinkMs);
	await ctx.db.transaction().execute(async (trx) => {
		await trx
			.updateTable('password_tokens')
			.set({ used_at: now.toISOString() })
			.where('user_id', '=', userId)
			.where('used_at', 'is', null)
			.execute();
		await trx
			.insertInto('password_tokens')
			.values({
				id: hashToken(token),
				user_id: userId,
				created_at: now.toISOString(),
				expires_at: expiresAt.toISOString(),
				used_at: null
			})
			.execute();
	});
	return { url: setPasswordUrl(token, ctx.config.origin, origin), expiresAt: expiresAt.toISOString() };
}

/**
 * Sets the password if the token is known, unused, unexpired and its user enabled; the token is used
 * up and every session of the user ends. Returns the user's email, or null for an unusable token;
 * throws a 400 with a German reason for a password that is easy to guess (the link stays usable).
 */
export async function setPasswordWithToken(
	ctx: ServerContext,
	token: string,
	password: string
): Promise<{ email: string } | null> {
	const id = hashToken(token);
	const now = ctx.now().toISOString();
	const usable = () =>
		ctx.db
			.selectFrom('password_tokens')
			.innerJoin('users', 'users.id', 'password_tokens.user_id')
			.select(['users.id as userId', 'users.email', 'users.display_name as displayName'])
			.where('password_tokens.id', '=', id)
			.where('password_tokens.used_at', 'is', null)
			.where('password_tokens.expires_at', '>', now)
			.where('users.disabled', '=', 0)
			.executeTakeFirst();
	const account = await usable();
	const invitation = account ? null : await usableInvitation(ctx, id);
	const holder = account ?? invitation;
	if (!holder) return null;
	const weak = await weakPasswordMessage(password, [holder.email, holder.displayName]);
	if (weak) {
		throw new ApiError(400, 'weak_password', 'Bitte ein sichereres Passwort wählen.', [
			{ path: ['password'], message: weak }
		]);
	}
	// Hash outside the transaction: it takes a while and SQLite allows one writer at a time.
	const passwordHash = await hashPassword(password);
	// Same checks, work and answer as for an account (see teamInvitations.ts); the hash is thrown away.
	if (!account) return redeemInvitation(ctx, id);
	return ctx.db.transaction().execute(async (trx) => {
		// Claiming the token with a conditional update makes two concurrent uses impossible.
		const claimed = await trx
			.updateTable('password_tokens')
			.set({ used_at: now })
			.where('id', '=', id)
			.where('used_at', 'is', null)
			.where('expires_at', '>', now)
			.executeTakeFirst();
		if (Number(claimed.numUpdatedRows) !== 1) return null;
		const user = await trx
			.selectFrom('password_tokens')
			.innerJoin('users', 'users.id', 'password_tokens.user_id')
			.select(['users.id', 'users.email', 'users.disabled'])
			.where('password_tokens.id', '=', id)
			.executeTakeFirstOrThrow();
		if (user.disabled) return null;
		await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', user.id).execute();
		await trx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
		await writeAudit(trx, {
			at: new Date(now),
			userId: user.id,
			action: 'auth.set_password',
			entity: 'user',
			entityId: user.id
		});
		return { email: user.email };
	});
}

/**
 * Whether a link can still be used, and if not why, so the device that opened it says so before
 * anyone types a password. Tokens carry 256 random bits: telling their states apart reveals nothing
 * a guesser could use. An invitation answers exactly as an account would (teamInvitations.ts).
 */
export async function checkPasswordLink(ctx: ServerContext, token: string): Promise<PasswordLinkCheck> {
	const id = hashToken(token);
	const now = ctx.now().toISOString();
	const account = await ctx.db
		.selectFrom('password_tokens')
		.innerJoin('users', 'users.id', 'password_tokens.user_id')
		.select(['password_tokens.used_at', 'password_tokens.expires_at', 'users.disabled'])
		.where('password_tokens.id', '=', id)
		.executeTakeFirst();
	const found = account
		? { usedAt: account.used_at, expiresAt: account.expires_at, disabled: account.disabled === 1 }
		: await invitationLinkState(ctx, id);
	// A locked account's link is as good as none: its holder must ask anyway.
	if (!found || found.disabled || !found.expiresAt) return { state: 'invalid', expiresAt: null };
	if (found.usedAt) return { state: 'used', expiresAt: null };
	if (found.expiresAt <= now) return { state: 'expired', expiresAt: found.expiresAt };
	return { state: 'usable', expiresAt: found.expiresAt };
}
