import type { ServerContext } from '$lib/server/context';
import { RESET_LIMITS } from './forgotPassword';

const DAY = 24 * 60 * 60 * 1000;

/** Drops sessions, links and login attempts that can no longer matter. Run at start. */
export async function removeExpiredAuthRows(ctx: ServerContext): Promise<void> {
	const now = ctx.now();
	const idleCutoff = new Date(now.getTime() - ctx.config.session.idleMs).toISOString();
	await ctx.db
		.deleteFrom('sessions')
		.where((eb) => eb.or([eb('expires_at', '<=', now.toISOString()), eb('last_seen_at', '<=', idleCutoff)]))
		.execute();
	await ctx.db
		.deleteFrom('password_tokens')
		.where('expires_at', '<=', new Date(now.getTime() - 30 * DAY).toISOString())
		.execute();
	const { windowMs, knownAddressMs } = ctx.config.loginThrottle;
	// Failures count for the window; successes mark an account's own addresses for longer.
	await ctx.db
		.deleteFrom('login_attempts')
		.where((eb) =>
			eb.or([
				eb.and([eb('success', '=', 0), eb('at', '<=', new Date(now.getTime() - windowMs).toISOString())]),
				eb('at', '<=', new Date(now.getTime() - knownAddressMs).toISOString())
			])
		)
		.execute();
	await ctx.db
		.deleteFrom('password_reset_requests')
		.where('at', '<=', new Date(now.getTime() - RESET_LIMITS.windowMs).toISOString())
		.execute();
}
