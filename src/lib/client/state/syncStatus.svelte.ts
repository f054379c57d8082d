import { liveQuery } from 'dexie';
import { db, onDbHealthChange } from '$lib/client/db';
import { isQuotaExceeded } from '$lib/client/db/errors';
import { SYNC_BLOCKED_STORAGE_FULL, SYNC_STORAGE_FULL } from '$lib/client/services/storageHealth';
import { countOutboxEntries, type OutboxCounts } from '$lib/client/sync/outbox';
import {
	createSyncApi,
	NeedsLoginError,
	ServerUnreachableError,
	SyncServerError,
	type SyncApi
} from '$lib/client/api/sync';
import { withJitter } from '$lib/client/sync/jitter';
import { readLastSyncedAt } from '$lib/client/sync/syncMeta';
import { deriveSyncState, type SyncStatusView } from '$lib/client/sync/syncState';
import { synchronize, type SyncReport } from '$lib/client/sync/sync';
import type { SyncProgress } from '$lib/domain/sync/progress';
import { runExclusively } from '$lib/client/sync/tabLock';

/** Sync every minute while online; soon after a local change. */
const PERIOD_MS = 60_000;
const AFTER_CHANGE_MS = 5_000;
/** After an unreachable server: again after 5 s, then twice as long each time, up to the period. */
const RETRY_MS = 5_000;
const UNREACHABLE = 'Server nicht erreichbar';
/** A request got no answer in time (e.g. a Wi-Fi that lets nothing through); it was given up. */
const NO_ANSWER = 'Server antwortet nicht (Zeitüberschreitung)';

export interface AutoSyncOptions {
	api?: SyncApi;
	periodMs?: number;
	afterChangeMs?: number;
	retryMs?: number;
	/** The random source for spreading syncs over time (Math.random; tests pass their own). */
	random?: () => number;
}

/**
 * The sync status as reactive state, and what sets sync off: start, coming online, returning to
 * the app, a timer, local changes, and the "Jetzt synchronisieren" button. Nothing relies on
 * Background Sync (Safari has none): sync runs while the app is open.
 */
class SyncStatus {
	#online = $state(typeof navigator === 'undefined' ? true : navigator.onLine);
	#syncing = $state(false);
	#needsLogin = $state(false);
	#error = $state<string | null>(null);
	#pendingCount = $state(0);
	#rejectedCount = $state(0);
	#openConflicts = $state(0);
	#lastSyncedAt = $state<string | null>(null);
	/** Highest outbox key counted so far: a higher one is a change added since. */
	#highestOutboxKey = 0;
	#lastReport = $state.raw<SyncReport | null>(null);
	/** The running sync's progress; after it ends, the last one (its failed files stay listed). */
	#progress = $state.raw<SyncProgress | null>(null);
	#api: SyncApi = createSyncApi();
	/** Watches the counts afresh (one full recount); set by `start`, called when a sync of this tab ends. */
	#recount: (() => void) | null = null;

	readonly view: SyncStatusView = $derived({
		state: deriveSyncState({
			online: this.#online,
			syncing: this.#syncing,
			needsLogin: this.#needsLogin,
			error: this.#error,
			pendingCount: this.#pendingCount
		}),
		pendingCount: this.#pendingCount,
		lastSyncedAt: this.#lastSyncedAt,
		error: this.#error
	});

	/** Changes the server refused; they stay on the device with the reason. */
	get rejectedCount(): number {
		return this.#rejectedCount;
	}

	/** Conflicts waiting for the Leitung. */
	get openConflicts(): number {
		return this.#openConflicts;
	}

	get lastReport(): SyncReport | null {
		return this.#lastReport;
	}

	get progress(): SyncProgress | null {
		return this.#progress;
	}

	/** Hides the last sync's list (its failed files are tried again with the next sync anyway). */
	dismissProgress(): void {
		if (!this.#syncing) this.#progress = null;
	}

	/** Syncs now unless this or another tab is syncing already, or the device is offline. */
	async syncNow(): Promise<void> {
		if (!this.#online) return;
		await runExclusively(async () => {
			this.#syncing = true;
			try {
				this.#lastReport = await synchronize(db, this.#api, (progress) => (this.#progress = progress));
				this.#needsLogin = false;
				const failed = this.#lastReport.failedUploads[0];
				this.#error = this.#lastReport.storageFull
					? SYNC_STORAGE_FULL
					: failed
						? `Eine Datei wurde nicht übertragen: ${failed.message}`
						: null;
			} catch (error) {
				this.#noteFailure(error);
			} finally {
				this.#syncing = false;
				this.#recount?.();
				this.#lastSyncedAt = await readLastSyncedAt(db).catch(() => this.#lastSyncedAt);
			}
		});
	}

	#noteFailure(error: unknown): void {
		this.#needsLogin = error instanceof NeedsLoginError;
		if (error instanceof NeedsLoginError) {
			this.#error = null;
		} else if (error instanceof ServerUnreachableError) {
			this.#error = error.timedOut ? NO_ANSWER : UNREACHABLE;
		} else if (error instanceof SyncServerError) {
			this.#error = error.message;
		} else if (isQuotaExceeded(error)) {
			this.#error = SYNC_BLOCKED_STORAGE_FULL;
		} else {
			console.error('Sync failed', error);
			this.#error = `Die Synchronisierung ist fehlgeschlagen (${error instanceof Error ? error.message : String(error)}).`;
		}
	}

	/** Starts watching and syncing; returns the function that stops it all. */
	start(options: AutoSyncOptions = {}): () => void {
		if (options.api) this.#api = options.api;
		const stops: (() => void)[] = [];
		const period = options.periodMs ?? PERIOD_MS;
		const firstRetry = options.retryMs ?? RETRY_MS;
		const random = options.random ?? Math.random;
		let retryIn = firstRetry;
		let retry: ReturnType<typeof setTimeout> | undefined;
		let stopped = false;
		// The network often comes back before the server can be reached (Wi-Fi joined, not yet
		// through): an unreachable server is tried again soon, not only a period later.
		const sync = () =>
			void this.syncNow().then(() => {
				clearTimeout(retry);
				if (stopped) return;
				// Hidden, the app syncs again when it comes back to the foreground.
				const hidden = document.visibilityState === 'hidden';
				const unreachable = this.#error === UNREACHABLE || this.#error === NO_ANSWER;
				if (!this.#online || hidden || !unreachable) {
					retryIn = firstRetry;
					return;
				}
				retry = setTimeout(sync, withJitter(retryIn, random));
				retryIn = Math.min(retryIn * 2, period);
			});
		stops.push(() => {
			stopped = true;
			clearTimeout(retry);
		});
		let afterChange: ReturnType<typeof setTimeout> | undefined;

		const onOnline = () => {
			this.#online = true;
			sync();
		};
		const onOffline = () => (this.#online = false);
		const onVisible = () => {
			if (document.visibilityState === 'visible') sync();
		};
		window.addEventListener('online', onOnline);
		window.addEventListener('offline', onOffline);
		document.addEventListener('visibilitychange', onVisible);
		stops.push(() => {
			window.removeEventListener('online', onOnline);
			window.removeEventListener('offline', onOffline);
			document.removeEventListener('visibilitychange', onVisible);
		});

		// Each period drawn anew (a minute ± a quarter), so tablets started together drift apart
		// instead of syncing in step.
		let timer: ReturnType<typeof setTimeout>;
		const schedulePeriodic = () => {
			timer = setTimeout(
				() => {
					if (document.visibilityState !== 'hidden') sync();
					schedulePeriodic();
				},
				Math.round(period * (0.75 + random() / 2))
			);
		};
		schedulePeriodic();
		stops.push(() => clearTimeout(timer));

		// Counts follow the database, also when another tab writes; re-watched when the workspace
		// database is switched (another user signed in).
		const onMorePending = () => {
			clearTimeout(afterChange);
			afterChange = setTimeout(sync, options.afterChangeMs ?? AFTER_CHANGE_MS);
		};
		let unwatch = this.#watchCounts(onMorePending);
		const rewatch = () => {
			unwatch();
			unwatch = this.#watchCounts(onMorePending);
		};
		this.#recount = rewatch;
		stops.push(
			onDbHealthChange((health) => {
				if (health !== 'ok') return;
				rewatch();
				sync();
			})
		);
		stops.push(() => {
			unwatch();
			this.#recount = null;
		});
		stops.push(() => clearTimeout(afterChange));

		sync();
		return () => stops.forEach((stop) => stop());
	}

	/**
	 * The counts while this tab syncs: the last ones, plus the changes added since, seen from the
	 * outbox's highest key (one step of a cursor, whatever the outbox holds). Enough to notice a
	 * change made meanwhile; the status line shows no count while syncing, and the full count follows
	 * when the sync ends.
	 */
	async #countWhileSyncing(target: typeof db): Promise<OutboxCounts> {
		const highestKey = Number((await target.outbox.orderBy(':id').lastKey()) ?? 0);
		const added = Math.max(0, highestKey - this.#highestOutboxKey);
		return { pending: this.#pendingCount + added, rejected: this.#rejectedCount, highestKey };
	}

	/** Watches the counts; calls `onMorePending` when more changes wait than before. */
	#watchCounts(onMorePending: () => void): () => void {
		const target = db;
		let first = true;
		const subscription = liveQuery(async () => ({
			// While this tab pushes, every batch rewrites the outbox and so reruns this query: counting
			// the whole outbox each time made a push of 10,000 changes quadratic.
			...(this.#syncing ? await this.#countWhileSyncing(target) : await countOutboxEntries(target)),
			// One per record and field, as „Zu klären“ lists them (older servers stored duplicates).
			conflicts: new Set(
				(await target.syncConflicts.filter((c) => !c.resolved && !c.deleted).toArray()).map(
					(c) => `${c.table}\u0000${c.recordId}\u0000${c.field}`
				)
			).size,
			lastSyncedAt: await readLastSyncedAt(target)
		})).subscribe({
			next: (counts) => {
				const more = !first && counts.pending > this.#pendingCount;
				first = false;
				this.#pendingCount = counts.pending;
				this.#rejectedCount = counts.rejected;
				this.#highestOutboxKey = counts.highestKey;
				this.#openConflicts = counts.conflicts;
				this.#lastSyncedAt = counts.lastSyncedAt;
				if (more) onMorePending();
			},
			error: (error: unknown) => console.error('Sync status query failed', error)
		});
		return () => subscription.unsubscribe();
	}
}

export const syncStatus = new SyncStatus();
