import type { ServerContext } from '../context';

/**
 * Seconds until the next login attempt is allowed, or null when it is allowed now. Failures count
 * per email and, with a higher limit because a Kita's tablets share one address, per IP.
 */
export async function loginRetryAfterSeconds(
	ctx: ServerContext,
	email: string,
	ip: string
): Promise<number | null> {
	const { windowMs, maxFailuresPerEmail, maxFailuresPerIp } = ctx.config.loginRateLimit;
	const now = ctx.now().getTime();
	const since = new Date(now - windowMs).toISOString();
	let waitUntil = 0;
	for (const [column, value, max] of [
		['email', email, maxFailuresPerEmail],
		['ip', ip, maxFailuresPerIp]
	] as const) {
		// The max-th most recent failure in the window must age out before the next attempt.
		const failures = await ctx.db
			.selectFrom('login_attempts')
			.select('at')
			.where(column, '=', value)
			.where('success', '=', 0)
			.where('at', '>', since)
			.orderBy('at', 'desc')
			.limit(max)
			.execute();
		if (failures.length >= max) {
			waitUntil = Math.max(waitUntil, new Date(failures[failures.length - 1].at).getTime() + windowMs);
		}
	}
	return waitUntil > now ? Math.max(1, Math.ceil((waitUntil - now) / 1000)) : null;
}

export async function recordLoginAttempt(
	ctx: ServerContext,
	email: string,
	ip: string,
	success: boolean
): Promise<void> {
	if (success) {
		// A successful login forgives the account's earlier typos.
		await ctx.db.deleteFrom('login_attempts').where('email', '=', email).where('success', '=', 0).execute();
		return;
	}
	await ctx.db
		.insertInto('login_attempts')
		.values({ at: ctx.now().toISOString(), email, ip, success: 0 })
		.execute();
}
