import { z } from 'zod';
import { sessionUserSchema, type SessionResponse, type SessionUser } from '$lib/domain/accounts';
import { DEFAULT_WORKSPACE_NAME } from '$lib/client/db/WorkspaceDb';

/**
 * Who is signed in on this device, kept locally so the app opens the right workspace with no
 * network at all. The server session (an HttpOnly cookie) only matters for sync; the local copy
 * lets the tablet work offline indefinitely after one login.
 *
 * localStorage, not the workspace database: it must be read before a workspace is chosen.
 */

const STORAGE_KEY = 'guetesiegel-mappe.session';
/** Set by a logout that could not reach the server; the next start ends the session there. */
const LOGOUT_PENDING_KEY = 'guetesiegel-mappe.logout-pending';

export const cachedSessionSchema = z.object({
	user: sessionUserSchema,
	/** When the server session ends at the latest (it may end earlier when idle). */
	expiresAt: z.string(),
	/** When the device last heard from the server that the session is valid. */
	confirmedAt: z.string()
});
export type CachedSession = z.infer<typeof cachedSessionSchema>;

function storage(): Storage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		// Storage blocked in the browser's settings: the app still works, as anonymous.
		return null;
	}
}

export function readCachedSession(): CachedSession | null {
	const raw = storage()?.getItem(STORAGE_KEY);
	if (!raw) return null;
	try {
		const parsed = cachedSessionSchema.safeParse(JSON.parse(raw));
		return parsed.success ? parsed.data : null;
	} catch {
		return null;
	}
}

export function writeCachedSession(session: SessionResponse, now: Date = new Date()): CachedSession {
	const cached: CachedSession = {
		user: session.user,
		expiresAt: session.expiresAt,
		confirmedAt: now.toISOString()
	};
	storage()?.setItem(STORAGE_KEY, JSON.stringify(cached));
	return cached;
}

export function clearCachedSession(): void {
	storage()?.removeItem(STORAGE_KEY);
}

export function markLogoutPending(pending: boolean): void {
	if (pending) storage()?.setItem(LOGOUT_PENDING_KEY, '1');
	else storage()?.removeItem(LOGOUT_PENDING_KEY);
}

export function isLogoutPending(): boolean {
	return storage()?.getItem(LOGOUT_PENDING_KEY) === '1';
}

/** Each user has a workspace database of their own, so a shared tablet never mixes their changes. */
export function workspaceNameFor(user: Pick<SessionUser, 'id'> | null): string {
	return user ? `${DEFAULT_WORKSPACE_NAME}-${user.id}` : DEFAULT_WORKSPACE_NAME;
}
