import type { Kysely } from 'kysely';
import type { DossierSummary } from '$lib/domain/dossier/versions';
import type { Database } from '$lib/server/db/schema';

/** A handed-in version as the API sends it: its summary, and the whole dossier as JSON text. */
export interface StoredVersion {
	summary: DossierSummary;
	/** `JSON.stringify` of the `Dossier` (summary and checked snapshot). */
	json: string;
}

/**
 * The versions read lately, by id. A stored version never changes (the database refuses updates
 * and deletes of `dossiers`), so its snapshot goes through the schema once per server process, not
 * on every read: for 2,000 evidence items that check took 40–100 ms a request
 * (tests/bench/reviewRender.js). Bounded by the characters of JSON kept; the version read least
 * recently goes first. Who may read a version is decided on every read, never kept.
 */
export class VersionCache {
	readonly #entries = new Map<string, StoredVersion>();
	#chars = 0;

	constructor(readonly maxChars: number) {}

	get size(): number {
		return this.#entries.size;
	}

	get(id: string): StoredVersion | undefined {
		const entry = this.#entries.get(id);
		if (entry) {
			// A Map keeps insertion order: the entry read now moves to the end, the last to be dropped.
			this.#entries.delete(id);
			this.#entries.set(id, entry);
		}
		return entry;
	}

	set(id: string, entry: StoredVersion): void {
		const previous = this.#entries.get(id);
		if (previous) {
			this.#entries.delete(id);
			this.#chars -= previous.json.length;
		}
		if (entry.json.length > this.maxChars) return;
		this.#entries.set(id, entry);
		this.#chars += entry.json.length;
		for (const [key, old] of this.#entries) {
			if (this.#chars <= this.maxChars) break;
			this.#entries.delete(key);
			this.#chars -= old.json.length;
		}
	}
}

/** About 32 MB of dossiers (German text is one byte a character in V8): a few dozen large ones. */
const MAX_CACHED_CHARS = 32 * 1024 * 1024;

// One cache per database, so servers in one process (the tests run SQLite and PostgreSQL side by
// side) never see each other's versions.
const caches = new WeakMap<Kysely<Database>, VersionCache>();

export function versionCacheOf(db: Kysely<Database>): VersionCache {
	let cache = caches.get(db);
	if (!cache) {
		cache = new VersionCache(MAX_CACHED_CHARS);
		caches.set(db, cache);
	}
	return cache;
}
