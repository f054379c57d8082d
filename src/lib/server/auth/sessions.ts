import type { Cookies } from '@sveltejs/kit';
import type { SessionUser } from '$lib/domain/accounts';
import type { ServerContext } from '$lib/server/context';
import { loadSessionAndUser } from './sessionUser';
import { hashToken, newToken } from './tokens';

export const SESSION_COOKIE = 'gsm_session';

/** last_seen_at is written at most this often, so busy sync traffic does not write on every request. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export interface ActiveSession {
	/** Hash of the token, the row's id. */
	id: string;
	userId: string;
	expiresAt: string;
}

export async function createSession(
	ctx: ServerContext,
	userId: string
): Promise<{ token: string; expiresAt: Date }> {
	const token = newToken();
	const now = ctx.now();
	const expiresAt = new Date(now.getTime() + ctx.config.session.absoluteMs);
	await ctx.db
		.insertInto('sessions')
		.values({
			id: hashToken(token),
			user_id: userId,
			created_at: now.toISOString(),
			last_seen_at: now.toISOString(),
			expires_at: expiresAt.toISOString()
		})
		.execute();
	return { token, expiresAt };
}

/**
 * The session and user behind a cookie token, or null when the token is unknown, past its absolute
 * end, idle for too long, or its user is disabled. Dead sessions are deleted on the way.
 */
export async function resolveSession(
	ctx: ServerContext,
	token: string
): Promise<{ session: ActiveSession; user: SessionUser } | null> {
	const id = hashToken(token);
	const found = await loadSessionAndUser(ctx.reads, id);
	if (!found) return null;
	const { session: row, user } = found;
	const now = ctx.now();
	const idleEnd = new Date(row.lastSeenAt).getTime() + ctx.config.session.idleMs;
	if (new Date(row.expiresAt).getTime() <= now.getTime() || idleEnd <= now.getTime()) {
		await ctx.db.deleteFrom('sessions').where('id', '=', id).execute();
		return null;
	}
	if (!user) return null;
	if (now.getTime() - new Date(row.lastSeenAt).getTime() >= TOUCH_INTERVAL_MS) {
		await ctx.db
			.updateTable('sessions')
			.set({ last_seen_at: now.toISOString() })
			.where('id', '=', id)
			.execute();
	}
	return { session: { id, userId: row.userId, expiresAt: row.expiresAt }, user };
}

export async function endSession(ctx: ServerContext, token: string): Promise<void> {
	await ctx.db.deleteFrom('sessions').where('id', '=', hashToken(token)).execute();
}

/** Logs the user out everywhere: after disabling, a new password, or a role taken away. */
export async function endUserSessions(ctx: ServerContext, userId: string): Promise<void> {
	await ctx.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export function setSessionCookie(cookies: Cookies, token: string, expiresAt: Date, secure: boolean): void {
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure,
		expires: expiresAt
	});
}

export function clearSessionCookie(cookies: Cookies, secure: boolean): void {
	cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

/** Secure cookies need HTTPS; plain http://localhost (dev, tests) would otherwise lose the session. */
export function cookiesMustBeSecure(ctx: ServerContext, url: URL): boolean {
	return url.protocol === 'https:' || (ctx.config.origin?.startsWith('https:') ?? false);
}
