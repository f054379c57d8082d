import type { SessionUser } from '$lib/domain/accounts';
import type { Catalogue } from '$lib/domain/catalogue/schema';
import { dossierEvidence, dossierReadiness, dossierStatus } from '$lib/domain/dossier/projection';
import type { ReviewFacilityDetail, ReviewFacilitySummary } from '$lib/domain/dossier/review';
import { today } from '$lib/domain/dates';
import { facilitiesVisibleTo } from '$lib/server/auth/permissions';
import type { ServerContext } from '$lib/server/context';
import { forbidden } from '$lib/server/http/errors';
import { latestDossiers, listDossiers } from '$lib/server/dossier/dossiers';
import {
	lastSyncTimes,
	readFacilityRecords,
	REGISTER_TABLES,
	type FacilityRecords
} from '$lib/server/review/facilityRecords';
import { countsRegisters, facilityReadiness } from '$lib/server/review/facilityReadiness';
import { catalogueOf, checkMayReview, unknownFacility } from '$lib/server/review/access';
import { readFeedbackMessages } from '$lib/server/review/feedbackThreads';

/**
 * The Fachberatung's side: the centres assigned to her with their readiness, and one centre criterion
 * by criterion with its feedback and threads. Writing feedback: ./feedback.ts.
 */

function requireAdvisor(user: SessionUser): void {
	if (user.role !== 'fachberatung') throw forbidden('Diese Ansicht ist für die Fachberatung.');
}

async function facilityRows(ctx: ServerContext, ids: string[]) {
	if (ids.length === 0) return [];
	return ctx.db
		.selectFrom('facilities')
		.select(['id', 'name', 'familienzentrum'])
		.where('id', 'in', ids)
		.orderBy('familienzentrum')
		.orderBy('name')
		.execute();
}

/** The advisor's centres with readiness, seal date, last sync and latest dossier. */
export async function listReviewFacilities(
	ctx: ServerContext,
	user: SessionUser
): Promise<ReviewFacilitySummary[]> {
	requireAdvisor(user);
	const ids = facilitiesVisibleTo(user);
	const [rows, records, syncs, dossiers] = await Promise.all([
		facilityRows(ctx, ids),
		// The list needs no evidence, which is by far the largest part of a centre's records.
		readFacilityRecords(ctx.db, ids, [
			'facilities',
			'criterionStatuses',
			'criterionFeedback',
			'certificationRounds'
		]),
		lastSyncTimes(ctx.db, ids),
		latestDossiers(ctx.db, ids)
	]);
	const catalogues = new Map<string, Catalogue>();
	for (const row of rows) catalogues.set(row.id, await catalogueOf(ctx, records.get(row.id)!.profile));
	// The registers only of the centres whose catalogue counts them, all in one query.
	const counting = rows.filter((row) => countsRegisters(catalogues.get(row.id)!)).map((row) => row.id);
	const registers = await readFacilityRecords(ctx.db, counting, REGISTER_TABLES);
	const day = today(ctx.now());
	const summaries: ReviewFacilitySummary[] = [];
	for (const row of rows) {
		const held = records.get(row.id)!;
		const catalogue = catalogues.get(row.id)!;
		const counted = { ...held, registers: registers.get(row.id)?.registers ?? held.registers };
		const readiness = facilityReadiness(catalogue, row.id, counted, day);
		summaries.push({
			id: row.id,
			name: held.profile?.name || row.name,
			familienzentrum: row.familienzentrum,
			sealValidUntil: held.profile?.sealValidUntil ?? null,
			catalogue: { id: catalogue.id, version: catalogue.version, title: catalogue.title },
			readiness: {
				passes: readiness.passes,
				points: readiness.overall.points,
				pointsRequired: readiness.overall.pointsRequired,
				areasPassing: readiness.areas.filter((a) => a.passes).length,
				areasCount: readiness.areas.length,
				explanations: readiness.explanations
			},
			lastSyncAt: syncs.get(row.id) ?? null,
			latestDossier: dossiers.get(row.id) ?? null,
			openFeedback: held.feedback.filter((f) => f.verdict === 'nachbessern').length
		});
	}
	return summaries;
}

/** One centre as the advisor reviews it: what it has synced, criterion by criterion. */
export async function reviewFacility(
	ctx: ServerContext,
	user: SessionUser,
	facilityId: string
): Promise<ReviewFacilityDetail> {
	checkMayReview(user, facilityId);
	const [row] = await facilityRows(ctx, [facilityId]);
	if (!row) throw unknownFacility();
	const held: FacilityRecords = (await readFacilityRecords(ctx.db, [facilityId])).get(facilityId)!;
	const catalogue = await catalogueOf(ctx, held.profile);
	const syncs = await lastSyncTimes(ctx.db, [facilityId]);
	return {
		facility: {
			id: row.id,
			name: held.profile?.name || row.name,
			familienzentrum: row.familienzentrum,
			sealValidUntil: held.profile?.sealValidUntil ?? null,
			catalogue: { id: catalogue.id, version: catalogue.version, title: catalogue.title },
			lastSyncAt: syncs.get(facilityId) ?? null
		},
		catalogue: catalogue as unknown as Record<string, unknown>,
		statuses: held.statuses.map(dossierStatus),
		evidence: held.evidence.map(dossierEvidence).sort((a, b) => b.date.localeCompare(a.date)),
		feedback: held.feedback,
		messages: await readFeedbackMessages(ctx.db, facilityId),
		readiness: dossierReadiness(facilityReadiness(catalogue, facilityId, held, today(ctx.now()))),
		dossiers: await listDossiers(ctx, user, facilityId)
	};
}
