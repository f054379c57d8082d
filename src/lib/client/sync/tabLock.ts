/** Name of the Web Lock that lets one tab of the app sync at a time. */
export const SYNC_LOCK_NAME = 'guetesiegel-sync';

const LEASE_KEY = 'guetesiegel-sync-lease';
/** A tab that died while holding the fallback lease blocks the others at most this long. */
const LEASE_MS = 2 * 60 * 1000;

export interface LockEnvironment {
	locks?: Pick<LockManager, 'request'>;
	storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
	now?: () => number;
}

const tabId = Math.random().toString(36).slice(2);
let runningHere = false;

/**
 * Runs `task` unless another tab (or this one) is syncing already; returns whether it ran. Uses
 * Web Locks where there are any (`ifAvailable`: never queue, the other tab's sync covers this one);
 * elsewhere a lease in localStorage that expires, so a closed tab cannot block sync for good.
 */
export async function runExclusively(
	task: () => Promise<void>,
	env: LockEnvironment = browserEnvironment()
): Promise<boolean> {
	if (runningHere) return false;
	runningHere = true;
	try {
		if (env.locks) {
			return await env.locks.request(SYNC_LOCK_NAME, { ifAvailable: true }, async (lock) => {
				if (!lock) return false;
				await task();
				return true;
			});
		}
		return await withLease(task, env);
	} finally {
		runningHere = false;
	}
}

async function withLease(task: () => Promise<void>, env: LockEnvironment): Promise<boolean> {
	const storage = env.storage;
	const now = env.now ?? Date.now;
	if (storage) {
		const lease = parseLease(storage.getItem(LEASE_KEY));
		if (lease && lease.tab !== tabId && lease.until > now()) return false;
		storage.setItem(LEASE_KEY, JSON.stringify({ tab: tabId, until: now() + LEASE_MS }));
	}
	try {
		await task();
		return true;
	} finally {
		if (storage && parseLease(storage.getItem(LEASE_KEY))?.tab === tabId) storage.removeItem(LEASE_KEY);
	}
}

function parseLease(raw: string | null): { tab: string; until: number } | null {
	try {
		const value: unknown = raw ? JSON.parse(raw) : null;
		const lease = value as { tab?: unknown; until?: unknown } | null;
		return lease && typeof lease.tab === 'string' && typeof lease.until === 'number'
			? { tab: lease.tab, until: lease.until }
			: null;
	} catch {
		return null;
	}
}

function browserEnvironment(): LockEnvironment {
	return {
		locks: typeof navigator !== 'undefined' && navigator.locks ? navigator.locks : undefined,
		storage: typeof localStorage !== 'undefined' ? localStorage : undefined
	};
}
