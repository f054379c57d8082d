import { db } from '$lib/client/db';
import { createSyncApi, type SyncApi } from '$lib/client/api/sync';
import { xhrFileSender, type FileSender } from '$lib/client/api/fileUpload';
import { transferTimeoutMs } from '$lib/client/api/timedFetch';
import { readCachedSession, workspaceNameFor } from '$lib/client/services/session/sessionCache';

/**
 * `fetch` for sync and hand-ins that only talks to the server for the signed-in user's own
 * workspace. Without a signed-in user (anonymous use, after logging out, even if the browser still
 * holds an old session cookie) or while another workspace is open, it answers 401 itself: sync then
 * stops with "Bitte anmelden" and nothing of this workspace is sent, nor anything pulled into it.
 */
export function sessionBoundFetch(fetchFn: typeof fetch = (...args) => fetch(...args)): typeof fetch {
	return (input, init) => (signedInHere() ? fetchFn(input, init) : Promise.resolve(notSignedIn()));
}

/** The same rule for file uploads, which go through XMLHttpRequest for their progress. */
function sessionBoundSender(sender: FileSender): FileSender {
	return (url, blob, init) => (signedInHere() ? sender(url, blob, init) : Promise.resolve(notSignedIn()));
}

/** A user is signed in and the open workspace is hers. */
function signedInHere(): boolean {
	const cached = readCachedSession();
	return cached !== null && db.name === workspaceNameFor(cached.user);
}

function notSignedIn(): Response {
	const body = { error: { code: 'unauthenticated', message: 'Bitte melden Sie sich an.' } };
	return new Response(JSON.stringify(body), { status: 401, headers: { 'content-type': 'application/json' } });
}

/** The sync endpoints, bound to the signed-in user's workspace (pass to `syncStatus.start`). */
export const sessionSyncApi: SyncApi = createSyncApi(
	sessionBoundFetch(),
	'',
	transferTimeoutMs,
	sessionBoundSender(xhrFileSender)
);
