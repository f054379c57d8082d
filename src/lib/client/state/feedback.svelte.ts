import { readFeedback, type StoredFeedback } from '$lib/client/services/feedback/read';
import {
	answeredPoints,
	feedbackPoints,
	openPoints,
	pointsByCriterion,
	type FeedbackPoint
} from '$lib/domain/dossier/feedbackPoints';
import type { ThreadState } from '$lib/domain/dossier/threadState';
import { stateQuery, type LiveQueryState } from './liveQuery.svelte';
import { workspace } from './workspace.svelte';

const NOTHING: StoredFeedback = { feedback: [], messages: [] };

/**
 * The Fachberatung's feedback on the active facility and the threads about it, read offline from
 * IndexedDB (sync pulls both tables) and kept current by liveQuery, so an answer written on this
 * device shows at once. Runs while at least one component `use()`s it.
 */
export class FeedbackState {
	#query = $state.raw<LiveQueryState<StoredFeedback | null> | null>(null);
	#users = 0;
	#stop: (() => void) | null = null;

	/** Every criterion with feedback, in catalogue-id order, with its thread and state. */
	readonly points: FeedbackPoint[] = $derived.by(() => {
		const stored = this.#query?.current ?? NOTHING;
		return feedbackPoints(stored.feedback, stored.messages);
	});

	/** „Bitte nachbessern“ or „Frage“ the centre has not answered yet. */
	readonly open: FeedbackPoint[] = $derived(openPoints(this.points));

	/** Answered by the centre, waiting for the advisor. */
	readonly answered: FeedbackPoint[] = $derived(answeredPoints(this.points));

	readonly #byCriterion = $derived(pointsByCriterion(this.points));

	/** Where each criterion's feedback stands (criteria without feedback are missing). */
	readonly states: ReadonlyMap<string, ThreadState> = $derived(mapValues(this.#byCriterion, (p) => p.state));

	/** True once the stored feedback has been read. */
	get loaded(): boolean {
		return this.#query?.current != null;
	}

	pointOf(criterionId: string): FeedbackPoint | undefined {
		return this.#byCriterion.get(criterionId);
	}

	/** Call during component initialisation: keeps the query running while the component lives. */
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
			const facilityId = $derived(workspace.facility?.id);
			this.#query = stateQuery(
				() => (facilityId ? readFeedback(facilityId) : null),
				() => [facilityId]
			);
		});
	}

	#dispose(): void {
		this.#stop?.();
		this.#stop = null;
		this.#query = null;
	}
}

function mapValues<K, V, W>(map: ReadonlyMap<K, V>, f: (value: V) => W): ReadonlyMap<K, W> {
	return new Map([...map].map(([key, value]) => [key, f(value)]));
}

export const feedback = new FeedbackState();
