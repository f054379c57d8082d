import { sql, type Kysely } from 'kysely';
import type { ServerContext } from '$lib/server/context';
import type { Database } from '$lib/server/db/schema';

/**
 * Login throttling that slows a guesser but never locks the rightful user out (OWASP Authentication
 * Cheat Sheet: throttle, don't lock). Two keys, each a wait that doubles with every failure:
 *
 * - account and address: after a few failures for one email from one address, that pair waits 5 s,
 *   10 s, 20 s … up to 15 minutes. Someone guessing from elsewhere never slows the user at her own
 *   address, and a success there forgets only her own typos, not the guesser's.
 * - address: after many failures from one address across accounts (someone trying many accounts),
 *   that address waits too, up to a minute, but only for accounts that have not logged in from it
 *   in the last 30 days. A Kita's tablets share one router; its users keep logging in.
 *
 * A refused attempt is not counted and its password not checked, so hammering gains nothing.
 *
 * Attempts sent at once must count as if sent one after another, or a burst fired whenever a wait
 * runs out would get all its guesses checked. So an attempt is allowed and recorded as a failure in
 * one step, before its password is checked (argon2 takes a while); a success then replaces the
 * record. That step is one transaction holding a lock on the address (both keys contain it): on
 * SQLite the one connection, on PostgreSQL a transaction-scoped advisory lock, which also holds
 * across the server's several processes.
 */

/** The wait after this many failures, or 0 while they are within the free ones. */
export function waitAfterFailures(failures: number, free: number, baseMs: number, maxMs: number): number {
	if (failures < free) return 0;
	return Math.min(maxMs, baseMs * 2 ** Math.min(failures - free, 30));
}

async function failures(
	db: Kysely<Database>,
	key: { email?: string; ip: string },
	since: string
): Promise<{ count: number; last: number }> {
	let query = db
		.selectFrom('login_attempts')
		.select((eb) => [eb.fn.countAll().as('count'), eb.fn.max('at').as('last')])
		.where('ip', '=', key.ip)
		.where('success', '=', 0)
		.where('at', '>', since);
	if (key.email !== undefined) query = query.where('email', '=', key.email);
	const row = await query.executeTakeFirst();
	return { count: Number(row?.count ?? 0), last: row?.last ? new Date(row.last).getTime() : 0 };
}

async function isKnownAddress(
	ctx: ServerContext,
	db: Kysely<Database>,
	email: string,
	ip: string,
	now: number
): Promise<boolean> {
	const since = new Date(now - ctx.config.loginThrottle.knownAddressMs).toISOString();
	const row = await db
		.selectFrom('login_attempts')
		.select('id')
		.where('email', '=', email)
		.where('ip', '=', ip)
		.where('success', '=', 1)
		.where('at', '>', since)
		.executeTakeFirst();
	return row !== undefined;
}

/** Seconds until the next login attempt for this email from this address is allowed, or null. */
async function retryAfterSeconds(
	ctx: ServerContext,
	db: Kysely<Database>,
	email: string,
	ip: string,
	now: number
): Promise<number | null> {
	const policy = ctx.config.loginThrottle;
	const since = new Date(now - policy.windowMs).toISOString();

	const pair = await failures(db, { email, ip }, since);
	let allowedAt =
		pair.last +
		waitAfterFailures(pair.count, policy.freeFailuresPerAccount, policy.baseDelayMs, policy.maxDelayMs);

	const address = await failures(db, { ip }, since);
	const addressWait = waitAfterFailures(
		address.count,
		policy.freeFailuresPerAddress,
		policy.baseDelayMs,
		policy.maxAddressDelayMs
	);
	if (address.last + addressWait > allowedAt && !(await isKnownAddress(ctx, db, email, ip, now))) {
		allowedAt = address.last + addressWait;
	}
	return allowedAt > now ? Math.max(1, Math.ceil((allowedAt - now) / 1000)) : null;
}

/**
 * Allows a login attempt and counts it as a failure until `recordLoginSuccess`, or refuses it with
 * the seconds to wait (then nothing is recorded). `ip` is the throttle key of the address it comes
 * from (addressKey.ts).
 */
export async function claimLoginAttempt(
	ctx: ServerContext,
	email: string,
	ip: string
): Promise<{ retryAfterSeconds: number } | null> {
	return ctx.db.transaction().execute(async (trx) => {
		if (ctx.dialectName === 'postgres') {
			await sql`select pg_advisory_xact_lock(hashtextextended(${`login_attempts:${ip}`}, 0))`.execute(trx);
		}
		// Read once the lock is held: an attempt that waited for it is recorded when it was let in.
		const now = ctx.now();
		const wait = await retryAfterSeconds(ctx, trx, email, ip, now.getTime());
		if (wait !== null) return { retryAfterSeconds: wait };
		await trx.insertInto('login_attempts').values({ at: now.toISOString(), email, ip, success: 0 }).execute();
		return null;
	});
}

/**
 * Forgets this address's typos for the account (not a guesser's elsewhere), the claimed attempt
 * among them, and remembers the address as the account's own; one row per pair is enough for that.
 */
export async function recordLoginSuccess(ctx: ServerContext, email: string, ip: string): Promise<void> {
	const at = ctx.now().toISOString();
	await ctx.db.transaction().execute(async (trx) => {
		await trx.deleteFrom('login_attempts').where('email', '=', email).where('ip', '=', ip).execute();
		await trx.insertInto('login_attempts').values({ at, email, ip, success: 1 }).execute();
	});
}
