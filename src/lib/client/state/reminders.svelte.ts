import {
	loadStoredReminderSources,
	type StoredReminderSources
} from '$lib/client/services/reminders/sources';
import {
	loadThresholdShortfallsFn,
	type ThresholdShortfallsFn
} from '$lib/client/services/reminders/thresholdEvaluator';
import { collectReminders } from '$lib/domain/reminders/collect';
import { dueCount } from '$lib/domain/reminders/format';
import type { Reminder, ThresholdShortfall } from '$lib/domain/reminders/types';
import { createAppBadge, type AppBadge } from './appBadge';
import { afterPaint } from './firstPaint';
import { stateQuery, type LiveQueryState } from './liveQuery.svelte';
import { readiness } from './readiness.svelte';
import { workspace } from './workspace.svelte';

const NO_SOURCES: StoredReminderSources = {
	rounds: [],
	partners: [],
	preventionProfile: null,
	childminderArrangements: []
};
const NO_SHORTFALLS: readonly ThresholdShortfall[] = [];

interface Queries {
	stored: LiveQueryState<StoredReminderSources | null>;
	shortfalls: LiveQueryState<readonly ThresholdShortfall[]>;
}

/**
 * The active facility's reminders (dates, expiries, threshold shortfalls) and how many are due,
 * read offline from IndexedDB and kept current by liveQuery. Runs while at least one component
 * uses it (the layout's badge keeps it running), and sets the app badge to the due count.
 */
export class RemindersState {
	#queries = $state.raw<Queries | null>(null);
	#users = 0;
	#stop: (() => void) | null = null;
	#badge: AppBadge;

	constructor(badge: AppBadge = createAppBadge()) {
		this.#badge = badge;
	}

	readonly reminders: Reminder[] = $derived(
		collectReminders(
			{
				...(this.#queries?.stored.current ?? NO_SOURCES),
				sealValidUntil: workspace.facility?.sealValidUntil ?? null,
				evidence: workspace.evidence,
				shortfalls: this.#queries?.shortfalls.current ?? NO_SHORTFALLS
			},
			readiness.today
		)
	);

	/** For the app badge: overdue, due within 14 days, and open thresholds of the current window. */
	readonly due: number = $derived(dueCount(this.reminders));

	/** True once the stored sources have been read (before that the list would be too short). */
	get loaded(): boolean {
		return workspace.loaded && this.#queries?.stored.current != null;
	}

	/** Call during component initialisation: keeps the queries running while the component lives. */
	use(): void {
		$effect(() => this.#retain());
	}

	#retain(): () => void {
		if (this.#users++ === 0) this.#start();
		return () => {
			if (--this.#users === 0) this.#dispose();
		};
	}

	#start(): void {
		this.#stop = $effect.root(() => {
			let evaluate = $state.raw<ThresholdShortfallsFn | null>(null);
			let shortfallsModule: typeof import('$lib/client/services/reminders/shortfalls') | null = null;
			// After the first paint: the evaluator and the register reads bring zod along.
			let requested = false;
			$effect(() => {
				if (!workspace.loaded || requested) return;
				requested = true;
				afterPaint(() => void loadEvaluator().catch((error: unknown) => console.error(error)));
			});
			const loadEvaluator = async () => {
				const fn = await loadThresholdShortfallsFn();
				if (!fn) return;
				shortfallsModule = await import('$lib/client/services/reminders/shortfalls');
				evaluate = fn;
			};
			const facilityId = $derived(workspace.facility?.id);
			this.#queries = {
				stored: stateQuery(
					() => (facilityId ? loadStoredReminderSources(facilityId) : null),
					() => [facilityId]
				),
				shortfalls: stateQuery(
					() => {
						const profile = workspace.facility;
						if (!evaluate || !shortfallsModule || !profile) return NO_SHORTFALLS;
						return shortfallsModule.loadShortfalls(evaluate, {
							profile,
							catalogue: workspace.catalogue,
							statuses: readiness.statusValues,
							today: readiness.today
						});
					},
					() => [evaluate, workspace.facility, workspace.catalogue, readiness.statusValues, readiness.today]
				)
			};
			$effect(() => {
				if (this.loaded) void this.#badge.show(this.due);
			});
		});
	}

	#dispose(): void {
		this.#stop?.();
		this.#stop = null;
		this.#queries = null;
	}
}

export const reminders = new RemindersState();
