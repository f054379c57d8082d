import { z } from 'zod';
import { sessionUserSchema, type SessionResponse, type SessionUser } from '$lib/domain/accounts';
import { DEFAULT_WORKSPACE_NAME } from '$lib/client/db/WorkspaceDb';
import { readDurableSession, writeDurableSession } from '$lib/client/services/session/durableSession';

/**
 * Who is signed in on this device, kept locally so the app opens the right workspace with no
 * network at all. The server session (an HttpOnly cookie) only matters for sync; the local copy
 * lets the tablet work offline indefinitely after one login.
 *
 * localStorage, not the workspace database: it must be read before a workspace is chosen. Chromium
 * writes localStorage to disk seconds later, so a login also keeps a durable copy in IndexedDB
 * (`durableSession.ts`), read when a kill has cost the localStorage one.
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
		return parseCachedSession(JSON.parse(raw));
	} catch {
		return null;
	}
}

function parseCachedSession(value: unknown): CachedSession | null {
	const parsed = cachedSessionSchema.safeParse(value);
	return parsed.success ? parsed.data : null;
}

/**
 * The cached session, from localStorage or else from the durable copy (then put back into
 * localStorage). A logout still to be sent to the server means nobody is signed in.
 */
export async function restoreCachedSession(): Promise<CachedSession | null> {
	const cached = readCachedSession();
	if (cached || isLogoutPending()) return cached;
	const durable = parseCachedSession(await readDurableSession());
	if (durable) setItem(STORAGE_KEY, JSON.stringify(durable));
	return durable;
}

export function writeCachedSession(session: SessionResponse, now: Date = new Date()): CachedSession {
	const cached: CachedSession = {
		user: session.user,
		expiresAt: session.expiresAt,
		confirmedAt: now.toISOString()
	};
	setItem(STORAGE_KEY, JSON.stringify(cached));
	return cached;
}

/**
 * Writes the session to both copies and resolves once the durable one is on disk: after a login,
 * nothing may report success before this. A full disk leaves only the localStorage copy.
 */
export async function saveCachedSession(
	session: SessionResponse,
	now: Date = new Date()
): Promise<CachedSession> {
	const cached = writeCachedSession(session, now);
	try {
		await writeDurableSession(cached);
	} catch (error) {
		console.error('Keeping the session durably failed', error);
	}
	return cached;
}

export function clearCachedSession(): void {
	storage()?.removeItem(STORAGE_KEY);
}

/** Forgets the session in both copies; resolves once the durable one is gone. */
export async function forgetCachedSession(): Promise<void> {
	clearCachedSession();
	try {
		await writeDurableSession(null);
	} catch (error) {
		console.error('Forgetting the durable session failed', error);
	}
}

/** localStorage may refuse a write (full, or blocked); the durable copy and the app go on. */
function setItem(key: string, value: string): void {
	try {
		storage()?.setItem(key, value);
	} catch (error) {
		console.error('Writing localStorage failed', error);
	}
}

export function markLogoutPending(pending: boolean): void {
	if (pending) setItem(LOGOUT_PENDING_KEY, '1');
	else storage()?.removeItem(LOGOUT_PENDING_KEY);
}

export function isLogoutPending(): boolean {
	return storage()?.getItem(LOGOUT_PENDING_KEY) === '1';
}

/** Each user has a workspace database of their own, so a shared tablet never mixes their changes. */
export function workspaceNameFor(user: Pick<SessionUser, 'id'> | null): string {
	return user ? `${DEFAULT_WORKSPACE_NAME}-${user.id}` : DEFAULT_WORKSPACE_NAME;
}
