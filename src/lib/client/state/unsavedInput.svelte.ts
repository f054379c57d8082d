import { SvelteSet } from 'svelte/reactivity';

/**
 * Which forms hold input the user has not saved yet. The update banner reads this so that a new
 * app version never reloads the page over a half-filled form.
 */
class UnsavedInput {
	#dirty = new SvelteSet<string>();

	/** Mark the form `key` as holding unsaved input (true) or as saved/empty (false). */
	track(key: string, dirty: boolean): void {
		if (dirty) this.#dirty.add(key);
		else this.#dirty.delete(key);
	}

	get any(): boolean {
		return this.#dirty.size > 0;
	}
}

export const unsavedInput = new UnsavedInput();
