/**
 * A second copy of the cached session in IndexedDB, written with strict durability. Chromium writes
 * localStorage to disk only seconds later, so a tablet killed right after the login forgot who was
 * signed in; an IndexedDB transaction is on disk once it completes. localStorage stays the copy
 * read first (synchronously, to pick the workspace before the first paint); this one is read when
 * localStorage has lost it.
 *
 * A database of its own (not the workspace's `meta`): it must be readable before a workspace is
 * chosen, and the workspace schema stays untouched.
 */

const DATABASE = 'guetesiegel-mappe-session';
const STORE = 'session';
const KEY = 'current';

function available(): boolean {
	return typeof indexedDB !== 'undefined' && indexedDB !== null;
}

function openStore(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const request = indexedDB.open(DATABASE, 1);
		request.onupgradeneeded = () => request.result.createObjectStore(STORE);
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error ?? new Error('IndexedDB open failed'));
		request.onblocked = () => reject(new Error('IndexedDB open blocked'));
	});
}

async function inTransaction<T>(
	mode: IDBTransactionMode,
	work: (store: IDBObjectStore) => IDBRequest<T>
): Promise<T> {
	const database = await openStore();
	try {
		return await new Promise<T>((resolve, reject) => {
			// `strict`: the write is flushed to disk before `complete` fires, so it survives a kill.
			const transaction = database.transaction(STORE, mode, { durability: 'strict' });
			const request = work(transaction.objectStore(STORE));
			transaction.oncomplete = () => resolve(request.result);
			transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
			transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
		});
	} finally {
		database.close();
	}
}

/** Stores the session (null: forgets it); resolves once it is on disk. Throws when it cannot. */
export async function writeDurableSession(value: unknown): Promise<void> {
	if (!available()) return;
	await inTransaction<unknown>('readwrite', (store): IDBRequest =>
		value === null ? store.delete(KEY) : store.put(value, KEY)
	);
}

/** The stored session as written (unchecked), or null when there is none or it cannot be read. */
export async function readDurableSession(): Promise<unknown> {
	if (!available()) return null;
	try {
		return (await inTransaction('readonly', (store) => store.get(KEY))) ?? null;
	} catch {
		return null;
	}
}
