import { onDestroy } from 'svelte';
import { db, onDbHealthChange } from '$lib/client/db';
import { draftKeys, readDraft, removeDraft, writeDraft } from '$lib/client/db/drafts';

/** How long typing pauses before the draft is written (a kill loses at most this much). */
export const DRAFT_SAVE_DELAY_MS = 300;

export interface FormDraftOptions<T> {
	/** The form instance, unique within the workspace (e.g. `evidence-form:new:1.1`). */
	key: string;
	/** The form's state; read inside an effect, so every change is seen. */
	read: () => T;
	/** True while the form holds input that differs from what is saved; only then is a draft kept. */
	dirty: () => boolean;
	/**
	 * Puts a stored draft into the form; return false when there is nothing to restore. The value
	 * is what an earlier `read` gave, possibly from an older app version, so check its shape.
	 */
	restore: (value: unknown) => boolean | void;
	/** Puts the form back to its saved state when the user discards the draft. */
	reset: () => void;
	delayMs?: number;
}

/** What the restored-draft notice needs of a form's draft. */
export interface RestoredDraft {
	readonly restored: boolean;
	discard(): Promise<void>;
}

// Not reactive on purpose: only the page-hide and database listeners read it.
// eslint-disable-next-line svelte/prefer-svelte-reactivity
const live = new Set<{ flush(leaving?: boolean): Promise<void> }>();
let listening = false;

/** Writes every pending draft now: the page is being hidden, closed or its database taken away. */
export function flushDrafts(): Promise<void> {
	return Promise.all([...live].map((draft) => draft.flush(true))).then(() => undefined);
}

function listen(): void {
	if (listening || typeof window === 'undefined') return;
	listening = true;
	// The OS may end a backgrounded tablet app without another event; hidden is the last safe moment.
	document.addEventListener('visibilitychange', () => {
		if (document.visibilityState === 'hidden') void flushDrafts();
	});
	window.addEventListener('pagehide', () => void flushDrafts());
	// Another tab upgrades the workspace database: the forms are about to be replaced by the notice.
	onDbHealthChange((health) => {
		if (health === 'versionchange') void flushDrafts();
	});
}

/** The keys of this workspace's stored drafts starting with `prefix`, for pages to reopen forms. */
export function storedDraftKeys(prefix: string): Promise<string[]> {
	return draftKeys(db.name, prefix).catch(() => []);
}

/**
 * Keeps a form's input as a draft in IndexedDB while the user types (debounced, and at once when
 * the page is hidden or closed), restores it when the form opens again, and removes it when the form
 * is saved (`save`) or discarded (`discard`). Create it while the form component initialises.
 */
export class FormDraft<T> implements RestoredDraft {
	/** A stored draft was put into the form and is neither saved nor discarded yet. */
	restored = $state(false);
	#loaded = $state(false);
	readonly #options: FormDraftOptions<T>;
	readonly #workspace = db.name;
	/** JSON of what is stored (null: nothing), so unchanged input is not written again. */
	#stored: string | null = null;
	/** After a save: this input is saved, not a draft, until the user changes it. */
	#saved: string | null = null;
	#pending: string | null | undefined;
	#timer: ReturnType<typeof setTimeout> | undefined;
	/** Writes and removals run in order, so a late write never brings back a removed draft. */
	#queue: Promise<void> = Promise.resolve();
	/**
	 * While a save runs (see `save`): the input being saved, in case the page ends before the save is
	 * through. No other draft is written until the save has ended.
	 */
	#unsaved: string | null = null;
	/** The page was hidden or left during the save, and the input was kept as a draft again. */
	#keptDuringSave = false;

	constructor(options: FormDraftOptions<T>) {
		this.#options = options;
		listen();
		live.add(this);
		void this.#load();

		$effect(() => {
			const json = JSON.stringify($state.snapshot(options.read()));
			const dirty = options.dirty();
			if (!this.#loaded) return;
			// Typed back to what is saved: nothing of the draft is left to point out.
			if (!dirty) this.restored = false;
			if (json !== this.#saved) this.#saved = null;
			if (this.#unsaved !== null) return;
			this.#schedule(dirty && this.#saved === null ? json : null);
		});

		onDestroy(() => {
			live.delete(this);
			// Closing the form is not discarding it: what is typed stays for the next time it opens.
			void this.flush();
		});
	}

	async #load(): Promise<void> {
		try {
			const stored = await readDraft(this.#workspace, this.#options.key);
			if (stored !== undefined && !this.#options.dirty()) {
				if (this.#options.restore(stored) === false) await this.#remove();
				else {
					this.#stored = JSON.stringify(stored);
					this.restored = true;
				}
			}
		} catch (error) {
			console.error('Reading the draft failed', error);
		} finally {
			this.#loaded = true;
		}
	}

	#schedule(next: string | null): void {
		clearTimeout(this.#timer);
		this.#pending = next;
		if (next === this.#stored) {
			this.#pending = undefined;
			return;
		}
		this.#timer = setTimeout(() => void this.flush(), this.#options.delayMs ?? DRAFT_SAVE_DELAY_MS);
	}

	/**
	 * Writes a pending change now. `leaving`: the page is hidden or closing; during a save the input
	 * is then kept again, since an ended page also ends a save that is not through.
	 */
	flush(leaving = false): Promise<void> {
		const unsaved = this.#unsaved;
		if (unsaved !== null) {
			if (!leaving || this.#keptDuringSave) return this.#queue;
			this.#keptDuringSave = true;
			// At once, not behind the queue: the page may not run another turn. IndexedDB runs it
			// after the removal that the save started earlier.
			return writeDraft(this.#workspace, this.#options.key, JSON.parse(unsaved) as unknown).catch(
				(error: unknown) => console.error('Keeping the draft failed', error)
			);
		}
		clearTimeout(this.#timer);
		const next = this.#pending;
		this.#pending = undefined;
		if (next === undefined || next === this.#stored) return this.#queue;
		this.#stored = next;
		const { key } = this.#options;
		return this.#enqueue(() =>
			next === null
				? removeDraft(this.#workspace, key)
				: writeDraft(this.#workspace, key, JSON.parse(next) as unknown)
		);
	}

	#enqueue(task: () => Promise<void>): Promise<void> {
		this.#queue = this.#queue.then(task).catch((error: unknown) => {
			console.error('Keeping the draft failed', error);
		});
		return this.#queue;
	}

	#remove(): Promise<void> {
		clearTimeout(this.#timer);
		this.#pending = undefined;
		this.#stored = null;
		return this.#enqueue(() => removeDraft(this.#workspace, this.#options.key));
	}

	/**
	 * Saves the form through `task`. The draft is removed before the save starts, so that once the
	 * saved entry shows anywhere (or the app is reloaded or killed), no draft of it is left to be
	 * saved a second time. A save that throws or does not `succeed` keeps the input as a draft again.
	 */
	async save<R>(task: () => Promise<R>, succeeded: (result: R) => boolean = () => true): Promise<R> {
		const json = JSON.stringify($state.snapshot(this.#options.read()));
		this.#unsaved = json;
		this.#keptDuringSave = false;
		let ok = false;
		try {
			// Only a written draft is worth the wait; input not yet written is simply not written.
			const written = this.#stored !== null;
			const removal = this.#remove();
			if (written) await removal;
			const result = await task();
			ok = succeeded(result);
			return result;
		} finally {
			this.#unsaved = null;
			if (ok) {
				this.#saved = json;
				this.restored = false;
				// Kept while the page was hidden, and saved after all: forget it again.
				if (this.#keptDuringSave) void this.#remove();
			}
			this.#keepCurrent();
		}
	}

	/** After a save: keeps what the form holds now if it is still (or again) unsaved input. */
	#keepCurrent(): void {
		const json = JSON.stringify($state.snapshot(this.#options.read()));
		if (json !== this.#saved) this.#saved = null;
		if (!this.#options.dirty() || this.#saved !== null) return;
		this.#pending = json;
		void this.flush();
	}

	/** The user discards the restored draft: the form shows the saved state again. */
	discard(): Promise<void> {
		this.restored = false;
		this.#options.reset();
		return this.#remove();
	}
}

/**
 * Calls `open` with the keys of stored drafts starting with `prefix` (if any), so that a form that
 * was open with a draft opens again with it. Call while the page component initialises.
 */
export function reopenDrafts(prefix: string, open: (keys: string[]) => void): void {
	let mounted = true;
	onDestroy(() => (mounted = false));
	void storedDraftKeys(prefix).then((keys) => {
		if (mounted && keys.length > 0) open(keys);
	});
}
