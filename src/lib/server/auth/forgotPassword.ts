import { sql } from 'kysely';
import { writeAudit } from '$lib/server/accounts/audit';
import type { ServerContext } from '$lib/server/context';
import { runInBackground } from '$lib/server/mail/background';
import { mailPasswordLink } from '$lib/server/mail/passwordLinks';
import { throttleAddressKey } from './addressKey';
import { createPasswordLink } from './passwordLinks';

const HOUR = 60 * 60 * 1000;

/**
 * „Passwort vergessen“ per e-mail. Nobody may learn from it whether an address has an account: the
 * answer, its status and its timing are the same either way, because everything that depends on the
 * account (looking it up, issuing the link, talking to the SMTP server) happens after the answer, in
 * the background. Limits, counted whether an account exists or not:
 * - per e-mail address (which is also the account's key): a few mails an hour, more are dropped
 *   silently, so nobody can flood a mailbox or push a link out of date every minute;
 * - per client address: a few dozen requests an hour, then 429, so nobody can walk through addresses.
 */
export const RESET_LIMITS = { windowMs: HOUR, perEmail: 3, perAddress: 20 } as const;

/** Whether this server sends „Passwort vergessen“ links: SMTP and a public origin for the link. */
export function forgotPasswordByMail(ctx: ServerContext): boolean {
	// The link must point at ORIGIN, never at the request's Host header, which anyone can set.
	return ctx.config.mail !== null && ctx.config.origin !== null;
}

export type ResetRequestOutcome =
	{ outcome: 'accepted' } | { outcome: 'rate_limited'; retryAfterSeconds: number };

export async function requestPasswordReset(
	ctx: ServerContext,
	email: string,
	clientAddress: string
): Promise<ResetRequestOutcome> {
	const ip = throttleAddressKey(clientAddress);
	const claim = await claimResetRequest(ctx, email, ip);
	if (claim.outcome === 'rate_limited') return claim;
	if (claim.send) runInBackground('Mail „Passwort vergessen“', () => sendResetLink(ctx, email));
	return { outcome: 'accepted' };
}

/**
 * Counts the request under both limits in one step, under a lock on the client address (as the login
 * throttle does), so a burst sent at once is counted like requests sent one after another.
 */
async function claimResetRequest(
	ctx: ServerContext,
	email: string,
	ip: string
): Promise<{ outcome: 'accepted'; send: boolean } | { outcome: 'rate_limited'; retryAfterSeconds: number }> {
	return ctx.db.transaction().execute(async (trx) => {
		if (ctx.dialectName === 'postgres') {
			await sql`select pg_advisory_xact_lock(hashtextextended(${`password_reset:${ip}`}, 0))`.execute(trx);
		}
		const now = ctx.now();
		const since = new Date(now.getTime() - RESET_LIMITS.windowMs).toISOString();
		const fromAddress = await trx
			.selectFrom('password_reset_requests')
			.select((eb) => [eb.fn.countAll().as('count'), eb.fn.min('at').as('first')])
			.where('ip', '=', ip)
			.where('at', '>', since)
			.executeTakeFirst();
		if (Number(fromAddress?.count ?? 0) >= RESET_LIMITS.perAddress) {
			const freeAt = new Date(String(fromAddress?.first)).getTime() + RESET_LIMITS.windowMs;
			return {
				outcome: 'rate_limited',
				retryAfterSeconds: Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000))
			};
		}
		const forEmail = await trx
			.selectFrom('password_reset_requests')
			.select((eb) => eb.fn.countAll().as('count'))
			.where('email', '=', email)
			.where('at', '>', since)
			.executeTakeFirst();
		await trx.insertInto('password_reset_requests').values({ at: now.toISOString(), email, ip }).execute();
		return { outcome: 'accepted', send: Number(forEmail?.count ?? 0) < RESET_LIMITS.perEmail };
	});
}

/** Runs after the answer: mails a fresh one-time link if an enabled account has this address. */
async function sendResetLink(ctx: ServerContext, email: string): Promise<void> {
	const user = await ctx.db
		.selectFrom('users')
		.select('id')
		.where('email', '=', email)
		.where('disabled', '=', 0)
		.executeTakeFirst();
	if (!user) return;
	// forgotPasswordByMail guarantees an origin; the request's is never used for a mailed link.
	const link = await createPasswordLink(ctx, user.id, ctx.config.origin!);
	const delivered = await mailPasswordLink(ctx, email, link, 'forgot');
	await writeAudit(ctx.db, {
		at: ctx.now(),
		userId: user.id,
		action: 'auth.password_forgotten',
		entity: 'user',
		entityId: user.id,
		detail: { expiresAt: link.expiresAt, mailed: delivered.mail?.sent ?? false }
	});
}
