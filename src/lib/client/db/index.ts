import { DEFAULT_WORKSPACE_NAME, WorkspaceDb } from './WorkspaceDb';

/**
 * The live workspace database and its health. `db` is a live binding: `useWorkspace(name)` swaps in
 * another database (e.g. one per user on a shared tablet) and every importer sees the new one.
 */

/**
 * What the UI can tell the user about the database:
 * - `opening`: not open yet;
 * - `ok`: open and writable;
 * - `unavailable`: no IndexedDB, or opening failed (private mode, storage blocked in the settings);
 * - `blocked`: an upgrade waits for an older tab that still holds the database;
 * - `versionchange`: another tab upgraded or deleted the database; this tab closed its connection
 *   and must be reloaded;
 * - `stuck`: opening has not answered for `DB_OPEN_TIMEOUT_MS` (a known Safari failure); it may
 *   still open, then the health becomes `ok`.
 */
export type DbHealth = 'opening' | 'ok' | 'unavailable' | 'blocked' | 'versionchange' | 'stuck';

/** How long opening may take before the user is told what to do; a slow tablet opens in 1–2 s. */
export const DB_OPEN_TIMEOUT_MS = 10_000;

/**
 * The open timeout; browser tests shorten it with `window.guetesiegelDbOpenTimeoutMs` (set before
 * the app loads) instead of waiting ten seconds.
 */
function openTimeoutMs(): number {
	const override = (globalThis as { guetesiegelDbOpenTimeoutMs?: unknown }).guetesiegelDbOpenTimeoutMs;
	return typeof override === 'number' && override > 0 ? override : DB_OPEN_TIMEOUT_MS;
}

type HealthListener = (health: DbHealth, error: unknown) => void;

let health: DbHealth = 'opening';
let lastError: unknown = null;
const listeners = new Set<HealthListener>();

export let db: WorkspaceDb = watch(new WorkspaceDb(DEFAULT_WORKSPACE_NAME));

function setHealth(next: DbHealth, error: unknown = null): DbHealth {
	health = next;
	lastError = error;
	for (const listener of listeners) listener(next, error);
	return next;
}

function watch(instance: WorkspaceDb): WorkspaceDb {
	instance.on('blocked', () => {
		if (instance === db) setHealth('blocked');
	});
	// Dexie's default handler closes with auto-reopen, which would run this tab's old code against the
	// new schema. Close for good instead and let the user reload; `false` skips the default (Dexie
	// fires the newest subscriber first).
	instance.on('versionchange', () => {
		instance.close();
		if (instance === db) setHealth('versionchange');
		return false;
	});
	return instance;
}

export function getDbHealth(): DbHealth {
	return health;
}

/** The error behind `unavailable`, for a details line or the console. */
export function getDbError(): unknown {
	return lastError;
}

/** Calls `listener` on every health change; returns the unsubscribe function. */
export function onDbHealthChange(listener: HealthListener): () => void {
	listeners.add(listener);
	return () => listeners.delete(listener);
}

/**
 * Opens the current workspace database, running any upgrades, and reports its health. While an
 * older tab blocks an upgrade the health is `blocked` and this waits until the upgrade can run.
 */
export async function openWorkspace(): Promise<DbHealth> {
	const target = db;
	if (typeof indexedDB === 'undefined' || indexedDB === null) {
		return setHealth('unavailable', new Error('IndexedDB is not available'));
	}
	if (target.isOpen()) return health === 'opening' ? setHealth('ok') : health;
	if (health !== 'blocked') setHealth('opening');
	// Waiting for an older tab is `blocked` and has its own hint; only silence counts as stuck.
	const stuck = setTimeout(() => {
		if (target === db && health === 'opening') setHealth('stuck');
	}, openTimeoutMs());
	try {
		await target.open();
	} catch (error) {
		if (target !== db || health === 'versionchange') return health;
		return setHealth('unavailable', error);
	} finally {
		clearTimeout(stuck);
	}
	if (target !== db || health === 'versionchange') return health;
	return setHealth('ok');
}

/**
 * Switches to the workspace database `name` (e.g. per signed-in user), closing the current one, and
 * opens it. Code holding rows from the old database should reload them.
 */
export async function useWorkspace(name: string): Promise<DbHealth> {
	selectWorkspace(name);
	return openWorkspace();
}

/**
 * Switches to the workspace database `name` without opening it yet (Dexie opens it on first use),
 * so work that can wait (the advisor's device at the app's start) never reads the wrong one.
 */
export function selectWorkspace(name: string): void {
	if (db.name === name) return;
	const old = db;
	db = watch(new WorkspaceDb(name));
	old.close();
	setHealth('opening');
}
