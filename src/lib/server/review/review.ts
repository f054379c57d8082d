import type { SessionUser } from '$lib/domain/accounts';
import type { Catalogue } from '$lib/domain/catalogue/schema';
import {
	criterionFeedbackId,
	criterionFeedbackSchema,
	type CriterionFeedback,
	type FeedbackRequest
} from '$lib/domain/dossier/feedback';
import { dossierEvidence, dossierReadiness, dossierStatus } from '$lib/domain/dossier/projection';
import type { ReviewFacilityDetail } from '$lib/domain/dossier/review';
import { today } from '$lib/domain/dates';
import type { FacilityProfile } from '$lib/domain/records';
import { writeAudit } from '$lib/server/accounts/audit';
import { canReadFacility, canReviewFacility } from '$lib/server/auth/permissions';
import type { ServerContext } from '$lib/server/context';
import { badRequest, forbidden, notFound } from '$lib/server/http/errors';
import { claimRevisions, lockRecords } from '$lib/server/sync/revisions';
import { loadRecords, saveRecords, type ServerRecord } from '$lib/server/sync/store';
import { catalogueFor } from '$lib/server/catalogue/catalogueFor';
import { listDossiers } from '$lib/server/dossier/dossiers';
import { lastSyncTimes, readFacilityRecords, type FacilityRecords } from '$lib/server/review/facilityRecords';
import { facilityReadiness } from '$lib/server/review/facilityReadiness';

/**
 * The Fachberatung's side: the centres assigned to her with their readiness, one centre criterion by
 * criterion, and feedback per criterion. Feedback is a synced record (table `criterionFeedback`)
 * written here on the server, so the centre's devices pull it like any other change.
 */

const unknownFacility = () => notFound('Dieses Familienzentrum ist Ihnen nicht zugeordnet.');

/** Only an advisor reviews, and only the centres assigned to her; others learn nothing. */
function checkMayReview(user: SessionUser, facilityId: string): void {
	if (canReviewFacility(user, facilityId)) return;
	if (user.role === 'fachberatung' || !canReadFacility(user, facilityId)) throw unknownFacility();
	throw forbidden('Rückmeldungen gibt die Fachberatung.');
}

async function catalogueOf(ctx: ServerContext, profile: FacilityProfile | null): Promise<Catalogue> {
	return catalogueFor(ctx.db, profile?.catalogueId ?? null, profile?.catalogueVersion ?? null);
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
		readiness: dossierReadiness(facilityReadiness(catalogue, facilityId, held, today(ctx.now()))),
		dossiers: await listDossiers(ctx, user, facilityId)
	};
}

/** Field-wise bookkeeping as a push would leave it: changed fields get the new revision. */
function nextState(
	stored: ServerRecord | null,
	facilityId: string,
	record: CriterionFeedback,
	revision: number
): ServerRecord {
	const fieldRevisions: Record<string, number> = {};
	const fieldWriters: Record<string, string> = {};
	for (const [field, value] of Object.entries(record)) {
		const unchanged = stored && JSON.stringify(stored.record[field]) === JSON.stringify(value);
		fieldRevisions[field] = unchanged ? (stored.fieldRevisions[field] ?? revision) : revision;
		fieldWriters[field] = unchanged ? (stored.fieldWriters[field] ?? 'server') : 'server';
	}
	return {
		table: 'criterionFeedback',
		recordId: record.id,
		facilityId,
		record,
		revision,
		fieldRevisions,
		fieldWriters,
		deleted: record.deleted
	};
}

/**
 * Writes (or withdraws) the feedback on one criterion as a synced record with the next revision, in
 * one transaction with the revision counter, so a pull by cursor hands it to every device in order.
 */
async function writeFeedback(
	ctx: ServerContext,
	user: SessionUser,
	facilityId: string,
	criterionId: string,
	build: (stored: CriterionFeedback | null, now: string) => CriterionFeedback | null
): Promise<CriterionFeedback | null> {
	const id = criterionFeedbackId(facilityId, criterionId);
	return ctx.db.transaction().execute(async (trx) => {
		const key = { table: 'criterionFeedback', recordId: id };
		await lockRecords(trx, [key]);
		const stored = (await loadRecords(trx, [key])).values().next().value as ServerRecord | undefined;
		if (stored && stored.facilityId !== facilityId) throw unknownFacility();
		const now = ctx.now();
		const draft = build((stored?.record as CriterionFeedback | undefined) ?? null, now.toISOString());
		if (!draft) return null;
		const record = criterionFeedbackSchema.parse(draft);
		await writeAudit(trx, {
			at: now,
			userId: user.id,
			facilityId,
			action: record.deleted ? 'review.feedback.withdraw' : 'review.feedback',
			entity: 'criterion',
			entityId: criterionId,
			detail: {
				verdict: record.verdict,
				dossierId: record.dossierId,
				dossierVersion: record.dossierVersion
			}
		});
		// Last: the counter stays taken until the commit (see sync/revisions.ts).
		const revision = (await claimRevisions(trx, 1)) + 1;
		await saveRecords(trx, [nextState(stored ?? null, facilityId, record, revision)]);
		return record;
	});
}

async function checkCriterion(ctx: ServerContext, facilityId: string, criterionId: string): Promise<void> {
	const held = (await readFacilityRecords(ctx.db, [facilityId], ['facilities'])).get(facilityId)!;
	const catalogue = await catalogueOf(ctx, held.profile);
	if (!catalogue.criteria.some((c) => c.id === criterionId)) {
		throw notFound(`Das Kriterium „${criterionId}“ gibt es im Katalog des Familienzentrums nicht.`);
	}
}

async function dossierRef(ctx: ServerContext, facilityId: string, dossierId: string | null) {
	if (!dossierId) return { dossierId: null, dossierVersion: null, periodKey: null };
	const row = await ctx.db
		.selectFrom('dossiers')
		.select(['id', 'version', 'period_key', 'facility_id'])
		.where('id', '=', dossierId)
		.executeTakeFirst();
	if (!row || row.facility_id !== facilityId) {
		throw badRequest('Die genannte Mappe gehört nicht zu diesem Familienzentrum.');
	}
	return { dossierId: row.id, dossierVersion: Number(row.version), periodKey: row.period_key };
}

export async function saveFeedback(
	ctx: ServerContext,
	user: SessionUser,
	facilityId: string,
	criterionId: string,
	request: { verdict: FeedbackRequest['verdict']; text: string; dossierId: string | null }
): Promise<CriterionFeedback> {
	checkMayReview(user, facilityId);
	await checkCriterion(ctx, facilityId, criterionId);
	const ref = await dossierRef(ctx, facilityId, request.dossierId);
	const saved = await writeFeedback(ctx, user, facilityId, criterionId, (stored, now) => ({
		id: criterionFeedbackId(facilityId, criterionId),
		facilityId,
		createdAt: stored?.createdAt ?? now,
		updatedAt: now,
		updatedBy: user.displayName,
		deleted: false,
		criterionId,
		verdict: request.verdict,
		text: request.text,
		reviewerName: user.displayName,
		...ref,
		resolvedAt: null,
		resolvedBy: ''
	}));
	return saved!;
}

/** Withdraws the feedback (a soft delete, so the centre's devices drop it too). */
export async function withdrawFeedback(
	ctx: ServerContext,
	user: SessionUser,
	facilityId: string,
	criterionId: string
): Promise<boolean> {
	checkMayReview(user, facilityId);
	const withdrawn = await writeFeedback(ctx, user, facilityId, criterionId, (stored, now) =>
		stored && !stored.deleted
			? { ...stored, deleted: true, updatedAt: now, updatedBy: user.displayName }
			: null
	);
	return withdrawn !== null;
}
