import type { LoginRequest, SessionUser } from '$lib/domain/accounts';
import { writeAudit } from '../audit';
import type { ServerContext } from '../context';
import { verifyPassword } from './password';
import { loginRetryAfterSeconds, recordLoginAttempt } from './rateLimit';
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
	const retryAfterSeconds = await loginRetryAfterSeconds(ctx, input.email, ip);
	if (retryAfterSeconds !== null) return { outcome: 'rate_limited', retryAfterSeconds };

	const row = await ctx.db
		.selectFrom('users')
		.select(['id', 'password_hash', 'disabled'])
		.where('email', '=', input.email)
		.executeTakeFirst();
	const passwordMatches = await verifyPassword(row?.password_hash ?? null, input.password);
	const user = row && passwordMatches && !row.disabled ? await loadSessionUser(ctx.db, row.id) : null;
	if (!user) {
		await recordLoginAttempt(ctx, input.email, ip, false);
		return { outcome: 'invalid' };
	}
	await recordLoginAttempt(ctx, input.email, ip, true);
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
