import type { SessionUser } from '$lib/domain/accounts';
import { dossierEvidence, dossierReadiness, dossierStatus } from '$lib/domain/dossier/projection';
import type { ReviewFacilityDetail } from '$lib/domain/dossier/review';
import { today } from '$lib/domain/dates';
import type { ServerContext } from '$lib/server/context';
import { listDossiers } from '$lib/server/dossier/dossiers';
import { lastSyncTimes, readFacilityRecords, type FacilityRecords } from '$lib/server/review/facilityRecords';
import { facilityReadiness } from '$lib/server/review/facilityReadiness';
import { catalogueOf, checkMayReview, unknownFacility } from '$lib/server/review/access';
import { readFeedbackMessages } from '$lib/server/review/feedbackThreads';

/**
 * The Fachberatung's side: the centres assigned to her with their readiness, and one centre criterion
 * by criterion with its feedback and threads. Writing feedback: ./feedback.ts.
 */

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

// The portfolio (the list of her centres) lives in ./portfolio; forwarded for the handlers.
export { listReviewFacilities } from '$lib/server/review/portfolio';

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

/**
 * What the review page of a version needs besides the version: the centre's versions, the
 * advisor's feedback and the threads. Reads the feedback records only, without the centre's other
 * records and their readiness (the full answer above), as it competes with the page's first render.
 */
export async function reviewContext(
	ctx: ServerContext,
	user: SessionUser,
	facilityId: string
): Promise<Pick<ReviewFacilityDetail, 'dossiers' | 'feedback' | 'messages'>> {
	checkMayReview(user, facilityId);
	const [row] = await facilityRows(ctx, [facilityId]);
	if (!row) throw unknownFacility();
	const [held, messages, dossiers] = await Promise.all([
		readFacilityRecords(ctx.db, [facilityId], ['criterionFeedback']),
		readFeedbackMessages(ctx.db, facilityId),
		listDossiers(ctx, user, facilityId)
	]);
	return { dossiers, feedback: held.get(facilityId)!.feedback, messages };
}
