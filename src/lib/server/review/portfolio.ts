import type { Kysely } from 'kysely';
import type { SessionUser } from '$lib/domain/accounts';
import type { Catalogue } from '$lib/domain/catalogue/schema';
import { today as todayOf, type LocalDate } from '$lib/domain/dates';
import type { ReviewFacilitySummary } from '$lib/domain/dossier/review';
import { type FeedbackMessage } from '$lib/domain/dossier/feedbackThread';
import { threadState } from '$lib/domain/dossier/threadState';
import { readinessAtAGlance } from '$lib/domain/review/readinessAtAGlance';
import { nextRoundDate } from '$lib/domain/review/roundDates';
import type { FacilityProfile } from '$lib/domain/records';
import { facilitiesVisibleTo } from '$lib/server/auth/permissions';
import { catalogueFor } from '$lib/server/catalogue/catalogueFor';
import type { ServerContext } from '$lib/server/context';
import type { Database } from '$lib/server/db/schema';
import { latestDossiers } from '$lib/server/dossier/dossiers';
import { forbidden } from '$lib/server/http/errors';
import { lastSyncTimes, readFacilityRecords, REGISTER_TABLES, type FacilityRecords } from './facilityRecords';
import { countsRegisters, facilityReadinessInput } from './facilityReadiness';
import {
	catalogueStamp,
	figuresCacheOf,
	recordStamps,
	type CentreFigures,
	type FiguresStamp
} from './portfolioCache';

/**
 * The advisor's portfolio: every centre assigned to her with readiness, round dates, last sync, last
 * hand-in and where the feedback stands. An advisor may have hundreds of centres, so the records of
 * all of them are read in a fixed number of queries (never one per centre), each catalogue is
 * looked up once per request, and a centre's figures are computed again only when its records
 * changed (portfolioCache.ts).
 */

async function facilityRows(db: Kysely<Database>, ids: string[]) {
	if (ids.length === 0) return [];
	return db
		.selectFrom('facilities')
		.select(['id', 'name', 'familienzentrum'])
		.where('id', 'in', ids)
		.orderBy('familienzentrum')
		.orderBy('name')
		.execute();
}

/** The live thread messages of the facilities, by facility. */
async function readMessages(
	db: Kysely<Database>,
	facilityIds: string[]
): Promise<Map<string, FeedbackMessage[]>> {
	const byFacility = new Map<string, FeedbackMessage[]>();
	if (facilityIds.length === 0) return byFacility;
	const rows = await db
		.selectFrom('sync_records')
		.select(['facility_id', 'data'])
		.where('facility_id', 'in', facilityIds)
		.where('table_name', '=', 'feedbackMessages')
		.where('deleted', '=', 0)
		.execute();
	for (const row of rows) {
		const list = byFacility.get(row.facility_id) ?? [];
		list.push(JSON.parse(row.data) as FeedbackMessage);
		byFacility.set(row.facility_id, list);
	}
	return byFacility;
}

/** Criteria in thread state `open` and `answered` (see domain/dossier/feedbackThread). */
export function feedbackCounts(
	feedback: FacilityRecords['feedback'],
	messages: readonly FeedbackMessage[]
): { open: number; answered: number } {
	const byCriterion = new Map<string, FeedbackMessage[]>();
	for (const m of messages) {
		if (m.deleted) continue;
		const list = byCriterion.get(m.criterionId) ?? [];
		list.push(m);
		byCriterion.set(m.criterionId, list);
	}
	let open = 0;
	let answered = 0;
	for (const f of feedback) {
		if (f.deleted) continue;
		const thread = (byCriterion.get(f.criterionId) ?? []).sort(
			(a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)
		);
		const state = threadState(f, thread);
		if (state === 'open') open++;
		else if (state === 'answered') answered++;
	}
	return { open, answered };
}

/** Each centre's catalogue, asking the database once per distinct catalogue named. */
async function cataloguesOf(
	db: Kysely<Database>,
	ids: string[],
	records: Map<string, FacilityRecords>
): Promise<Map<string, Catalogue>> {
	const byKey = new Map<string, Promise<Catalogue>>();
	const keyOf = (p: FacilityProfile | null) => `${p?.catalogueId ?? ''}\u0000${p?.catalogueVersion ?? ''}`;
	for (const id of ids) {
		const profile = records.get(id)!.profile;
		const key = keyOf(profile);
		if (!byKey.has(key)) {
			byKey.set(key, catalogueFor(db, profile?.catalogueId ?? null, profile?.catalogueVersion ?? null));
		}
	}
	const resolved = new Map<string, Catalogue>();
	for (const [key, promise] of byKey) resolved.set(key, await promise);
	return new Map(ids.map((id) => [id, resolved.get(keyOf(records.get(id)!.profile))!]));
}

/** What the centre's records say, for its row (see CentreFigures). */
function figuresOf(
	facilityId: string,
	held: FacilityRecords,
	catalogue: Catalogue,
	day: LocalDate,
	messages: readonly FeedbackMessage[]
): CentreFigures {
	// No to-do plan: it is most of readiness's cost and the list does not show it.
	const readiness = readinessAtAGlance(facilityReadinessInput(catalogue, facilityId, held, day));
	const counts = feedbackCounts(held.feedback, messages);
	const o = readiness.overall;
	return {
		profileName: held.profile?.name || null,
		sealValidUntil: held.profile?.sealValidUntil ?? null,
		catalogue: { id: catalogue.id, version: catalogue.version, title: catalogue.title },
		readiness: {
			passes: readiness.passes,
			points: o.points,
			pointsRequired: o.pointsRequired,
			basisLeistung: o.basisLeistung,
			basisLeistungRequired: o.basisLeistungRequired,
			basisStruktur: o.basisStruktur,
			basisStrukturRequired: o.basisStrukturRequired,
			areasPassing: readiness.areasPassing,
			areasCount: readiness.areasCount
		},
		nextDate: nextRoundDate(held.rounds, day),
		openFeedback: counts.open,
		unansweredReplies: counts.answered
	};
}

/** The figures of the given centres, computed afresh: their records in a fixed number of queries. */
async function computeFigures(
	db: Kysely<Database>,
	ids: string[],
	day: LocalDate
): Promise<Map<string, CentreFigures>> {
	const [records, messages] = await Promise.all([
		// No evidence: by far the largest part of a centre's records, and the list shows none.
		readFacilityRecords(db, ids, [
			'facilities',
			'criterionStatuses',
			'criterionFeedback',
			'certificationRounds'
		]),
		readMessages(db, ids)
	]);
	const catalogues = await cataloguesOf(db, ids, records);
	// The registers only of the centres whose catalogue counts them, all in one query.
	const counting = ids.filter((id) => countsRegisters(catalogues.get(id)!));
	const registers = await readFacilityRecords(db, counting, REGISTER_TABLES);
	return new Map(
		ids.map((id) => {
			const held = records.get(id)!;
			const counted = { ...held, registers: registers.get(id)?.registers ?? held.registers };
			return [id, figuresOf(id, counted, catalogues.get(id)!, day, messages.get(id) ?? [])];
		})
	);
}

/** The advisor's centres, each with its figures; only the centres assigned to her. */
export async function listReviewFacilities(
	ctx: ServerContext,
	user: SessionUser
): Promise<ReviewFacilitySummary[]> {
	if (user.role !== 'fachberatung') throw forbidden('Diese Ansicht ist für die Fachberatung.');
	const ids = facilitiesVisibleTo(user);
	// The stamps are read before the records: figures computed now are at least as new as their stamp.
	const [rows, stamps, catalogues, syncs, dossiers] = await Promise.all([
		facilityRows(ctx.db, ids),
		recordStamps(ctx.db, ids),
		catalogueStamp(ctx.db),
		lastSyncTimes(ctx.db, ids),
		latestDossiers(ctx.db, ids)
	]);
	const day = todayOf(ctx.now());
	const stampOf = (id: string): FiguresStamp => ({ records: stamps.get(id) ?? '', catalogues, day });
	const cache = figuresCacheOf(ctx.db);
	const figures = new Map<string, CentreFigures>();
	for (const row of rows) {
		const kept = cache.get(row.id, stampOf(row.id));
		if (kept) figures.set(row.id, kept);
	}
	const changed = rows.map((row) => row.id).filter((id) => !figures.has(id));
	for (const [id, computed] of await computeFigures(ctx.db, changed, day)) {
		cache.set(id, stampOf(id), computed);
		figures.set(id, computed);
	}
	return rows.map((row) => {
		const { profileName, ...shown } = figures.get(row.id)!;
		return {
			id: row.id,
			name: profileName || row.name,
			familienzentrum: row.familienzentrum,
			...shown,
			lastSyncAt: syncs.get(row.id) ?? null,
			latestDossier: dossiers.get(row.id) ?? null
		};
	});
}
