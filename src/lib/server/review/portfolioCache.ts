import type { Kysely } from 'kysely';
import type { ReviewFacilitySummary } from '$lib/domain/dossier/review';
import type { LocalDate } from '$lib/domain/dates';
import type { Database } from '$lib/server/db/schema';

/**
 * What a portfolio row shows that is worked out from a centre's synced records: readiness above
 * all, which took most of the list's time (300 centres: 25–80 ms of 60–130 ms on a loaded 2-core
 * server; tests/bench/portfolioRender.js). Kept per centre and used again while the centre's records,
 * the catalogue versions and the day are what they were: an advisor's centres sync all day, but
 * between two looks at her list only a few of them change.
 */
export type CentreFigures = Pick<
	ReviewFacilitySummary,
	'sealValidUntil' | 'catalogue' | 'readiness' | 'nextDate' | 'openFeedback' | 'unansweredReplies'
> & {
	/** The name the centre's profile gives, if any (the facility row's name stands in). */
	profileName: string | null;
};

/**
 * What the figures were computed from. Every write of a synced record (deletions too) takes the
 * next revision of the server-wide counter, so a centre's highest revision and its number of
 * records change with any change of its records; the catalogue versions on the server decide which
 * catalogue a centre is assessed against; dates in readiness and the round depend on the day.
 */
export interface FiguresStamp {
	records: string;
	catalogues: string;
	day: LocalDate;
}

function sameStamp(a: FiguresStamp, b: FiguresStamp): boolean {
	return a.records === b.records && a.catalogues === b.catalogues && a.day === b.day;
}

/** The figures of the centres computed lately, each with its stamp; the oldest go beyond `maxCentres`. */
export class FiguresCache {
	readonly #entries = new Map<string, { stamp: FiguresStamp; figures: CentreFigures }>();

	constructor(readonly maxCentres: number) {}

	get size(): number {
		return this.#entries.size;
	}

	/** The figures kept for the centre, if they were computed from the same stamp. */
	get(facilityId: string, stamp: FiguresStamp): CentreFigures | undefined {
		const entry = this.#entries.get(facilityId);
		if (!entry || !sameStamp(entry.stamp, stamp)) return undefined;
		this.#entries.delete(facilityId);
		this.#entries.set(facilityId, entry);
		return entry.figures;
	}

	set(facilityId: string, stamp: FiguresStamp, figures: CentreFigures): void {
		this.#entries.delete(facilityId);
		this.#entries.set(facilityId, { stamp, figures });
		for (const key of this.#entries.keys()) {
			if (this.#entries.size <= this.maxCentres) break;
			this.#entries.delete(key);
		}
	}
}

// One cache per database (the tests run several servers in one process).
const caches = new WeakMap<Kysely<Database>, FiguresCache>();

export function figuresCacheOf(db: Kysely<Database>): FiguresCache {
	let cache = caches.get(db);
	if (!cache) {
		cache = new FiguresCache(20_000);
		caches.set(db, cache);
	}
	return cache;
}

/**
 * Each centre's records stamp (highest revision and count), in one query over the index of
 * facility and revision; a centre without records has none.
 */
export async function recordStamps(
	db: Kysely<Database>,
	facilityIds: string[]
): Promise<Map<string, string>> {
	if (facilityIds.length === 0) return new Map();
	const rows = await db
		.selectFrom('sync_records')
		.select([
			'facility_id',
			(eb) => eb.fn.max('revision').as('revision'),
			(eb) => eb.fn.countAll().as('records')
		])
		.where('facility_id', 'in', facilityIds)
		.groupBy('facility_id')
		.execute();
	return new Map(rows.map((r) => [r.facility_id, `${String(r.revision)}:${String(r.records)}`]));
}

/** The catalogue versions the server holds and which one is in force. */
export async function catalogueStamp(db: Kysely<Database>): Promise<string> {
	const rows = await db.selectFrom('catalogue_versions').select(['id', 'active']).orderBy('id').execute();
	return rows.map((r) => `${r.id}${Number(r.active) === 1 ? '*' : ''}`).join('\n');
}
