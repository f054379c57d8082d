import { format } from 'date-fns';

/**
 * What the status line shows:
 * - `offline`: the device has no network; changes wait;
 * - `idle`: everything is on the server;
 * - `pending`: changes wait for the next sync;
 * - `syncing`: a sync is running;
 * - `error`: the last sync failed (`error` says why, in German);
 * - `needs-login`: the session is gone; nothing local is lost, sync resumes after login.
 */
export type SyncState = 'offline' | 'idle' | 'pending' | 'syncing' | 'error' | 'needs-login';

export interface SyncStatusView {
	state: SyncState;
	/** Local changes not yet on the server (rejected ones not counted). */
	pendingCount: number;
	/** When the last sync finished (ISO), or null if this device never synced. */
	lastSyncedAt: string | null;
	/** The German reason of `error`. */
	error: string | null;
}

/** Facts the state is derived from; the order of the checks is the order of importance. */
export interface SyncFacts {
	online: boolean;
	syncing: boolean;
	needsLogin: boolean;
	error: string | null;
	pendingCount: number;
}

export function deriveSyncState(facts: SyncFacts): SyncState {
	if (!facts.online) return 'offline';
	if (facts.syncing) return 'syncing';
	if (facts.needsLogin) return 'needs-login';
	if (facts.error) return 'error';
	return facts.pendingCount > 0 ? 'pending' : 'idle';
}

function changesWaiting(count: number): string {
	return count === 1 ? '1 Änderung wartet' : `${count} Änderungen warten`;
}

/** The status line, e.g. „Offline – 3 Änderungen warten“ or „Zuletzt synchronisiert 14:05“. */
export function describeSyncStatus(view: SyncStatusView, now: Date = new Date()): string {
	switch (view.state) {
		case 'offline':
			return view.pendingCount > 0 ? `Offline – ${changesWaiting(view.pendingCount)}` : 'Offline';
		case 'syncing':
			return 'Synchronisiere …';
		case 'needs-login':
			return 'Bitte erneut anmelden';
		case 'error':
			return `Fehler: ${view.error ?? 'unbekannt'}`;
		case 'pending':
			return changesWaiting(view.pendingCount);
		case 'idle':
			return view.lastSyncedAt
				? `Zuletzt synchronisiert ${formatSyncTime(view.lastSyncedAt, now)}`
				: 'Noch nicht synchronisiert';
	}
}

/** 14:05 today, otherwise 20.11. 14:05. */
export function formatSyncTime(iso: string, now: Date): string {
	const at = new Date(iso);
	return format(at, 'yyyy-MM-dd') === format(now, 'yyyy-MM-dd')
		? format(at, 'HH:mm')
		: format(at, 'dd.MM. HH:mm');
}
