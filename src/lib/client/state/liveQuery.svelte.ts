import { liveQuery } from 'dexie';

export interface LiveQueryState<T> {
	/** The latest result; undefined until the first one arrives. */
	readonly current: T | undefined;
	/** True until the first result (or error) after a (re)start. */
	readonly loading: boolean;
	readonly error: unknown;
}

/**
 * Svelte 5 glue for Dexie's `liveQuery`: the result as reactive state, re-run by Dexie whenever a
 * write touches what the query read. Reactive values the query uses must be read in `dependencies`
 * (the query itself runs outside Svelte's tracking). Call it in a component or inside `$effect.root`;
 * the subscription ends when that owner is destroyed.
 */
export function stateQuery<T>(
	querier: () => T | Promise<T>,
	dependencies?: () => unknown
): LiveQueryState<T> {
	let current = $state.raw<T | undefined>(undefined);
	let loading = $state(true);
	let error = $state.raw<unknown>(null);

	$effect(() => {
		dependencies?.();
		loading = true;
		// async: a querier that throws synchronously lands in `error` too, not in Svelte's effect.
		const subscription = liveQuery(async () => querier()).subscribe({
			next: (value) => {
				current = value;
				error = null;
				loading = false;
			},
			error: (cause: unknown) => {
				error = cause;
				loading = false;
			}
		});
		return () => subscription.unsubscribe();
	});

	return {
		get current() {
			return current;
		},
		get loading() {
			return loading;
		},
		get error() {
			return error;
		}
	};
}
