import type { LoginRequest, SessionUser } from '$lib/domain/accounts';
import { writeAudit } from '$lib/server/accounts/audit';
import type { ServerContext } from '$lib/server/context';
import { verifyPassword } from './password';
import { throttleAddressKey } from './addressKey';
import { claimLoginAttempt, recordLoginSuccess } from './rateLimit';
import { createSession } from './sessions';
import { loadSessionUser } from './sessionUser';

export type LoginResult =
	| { outcome: 'ok'; token: string; expiresAt: Date; user: SessionUser }
	| { outcome: 'invalid' }
	| { outcome: 'rate_limited'; retryAfterSeconds: number };

/**
 * Checks the password and opens a new session. Unknown email, wrong password, a disabled account and
 * one without a password yet all answer the same, so the answer reveals nothing about accounts.
 */
export async function logIn(ctx: ServerContext, input: LoginRequest, ip: string): Promise<LoginResult> {
	const address = throttleAddressKey(ip);
	// Counted as a failure from here on, so attempts sent at once are throttled one after another.
	const refused = await claimLoginAttempt(ctx, input.email, address);
	if (refused) return { outcome: 'rate_limited', ...refused };

	const row = await ctx.db
		.selectFrom('users')
		.select(['id', 'password_hash', 'disabled'])
		.where('email', '=', input.email)
		.executeTakeFirst();
	const passwordMatches = await verifyPassword(row?.password_hash ?? null, input.password);
	const user = row && passwordMatches && !row.disabled ? await loadSessionUser(ctx.db, row.id) : null;
	if (!user) return { outcome: 'invalid' };
	await recordLoginSuccess(ctx, input.email, address);
	const session = await createSession(ctx, user.id);
	await writeAudit(ctx.db, {
		at: ctx.now(),
		userId: user.id,
		action: 'auth.login',
		entity: 'session',
		detail: { ip }
	});
	return { outcome: 'ok', ...session, user };
}
