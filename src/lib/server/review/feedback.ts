import { randomUUID } from 'node:crypto';
import type { SessionUser } from '$lib/domain/accounts';
import {
	criterionFeedbackId,
	criterionFeedbackSchema,
	type CriterionFeedback,
	type FeedbackRequest
} from '$lib/domain/dossier/feedback';
import { verdictAsksCentre } from '$lib/domain/dossier/verdicts';
import {
	feedbackMessageSchema,
	type FeedbackChange,
	type FeedbackMessage
} from '$lib/domain/dossier/feedbackThread';
import { writeAudit } from '$lib/server/accounts/audit';
import type { ServerContext } from '$lib/server/context';
import { ApiError, badRequest, notFound } from '$lib/server/http/errors';
import { checkMayReview, catalogueOf, unknownFacility } from '$lib/server/review/access';
import { readFacilityRecords } from '$lib/server/review/facilityRecords';
import { claimRevisions, lockRecords } from '$lib/server/sync/revisions';
import { loadRecords, saveRecords, type ServerRecord } from '$lib/server/sync/store';

/**
 * The advisor's feedback per criterion, written on the server as synced records so the centre's
 * devices pull them like any other change: the current verdict (`criterionFeedback`, one per
 * criterion) and the thread (`feedbackMessages`, one per verdict, comment or „erledigt“, never changed).
 */

const nothingOpen = (message: string) => new ApiError(409, 'nothing_open', message);

type DossierRef = Pick<CriterionFeedback, 'dossierId' | 'dossierVersion' | 'periodKey'>;

/** Field-wise bookkeeping as a push would leave it: changed fields get the new revision. */
function nextState(
	stored: ServerRecord | null,
	table: 'criterionFeedback' | 'feedbackMessages',
	record: CriterionFeedback | FeedbackMessage,
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
		table,
		recordId: record.id,
		facilityId: record.facilityId,
		record,
		revision,
		fieldRevisions,
		fieldWriters,
		deleted: record.deleted
	};
}

type MessageDraft = Pick<FeedbackMessage, 'kind' | 'verdict' | 'text'>;

/** What a change makes of the stored feedback: the new feedback (null: unchanged) and the message. */
type Change = { feedback: CriterionFeedback | null; message: MessageDraft | null };

/**
 * Writes a feedback change — the feedback record, the thread message, or both — with the next
 * revisions in one transaction with the revision counter, so a pull by cursor hands both to every
 * device together and in order, and neither is written without the other.
 */
async function writeChange(
	ctx: ServerContext,
	user: SessionUser,
	facilityId: string,
	criterionId: string,
	ref: DossierRef,
	change: (stored: CriterionFeedback | null, now: string) => Change
): Promise<FeedbackChange> {
	const id = criterionFeedbackId(facilityId, criterionId);
	return ctx.db.transaction().execute(async (trx) => {
		const key = { table: 'criterionFeedback', recordId: id };
		await lockRecords(trx, [key]);
		const stored = (await loadRecords(trx, [key])).values().next().value as ServerRecord | undefined;
		if (stored && stored.facilityId !== facilityId) throw unknownFacility();
		const now = ctx.now();
		const at = now.toISOString();
		const storedFeedback = stored?.deleted
			? null
			: ((stored?.record as CriterionFeedback | undefined) ?? null);
		const drafts = change(storedFeedback, at);
		if (!drafts.feedback && !drafts.message) return { feedback: storedFeedback, message: null };
		const feedback = drafts.feedback && criterionFeedbackSchema.parse(drafts.feedback);
		const message =
			drafts.message &&
			feedbackMessageSchema.parse({
				id: randomUUID(),
				facilityId,
				createdAt: at,
				updatedAt: at,
				updatedBy: user.displayName,
				deleted: false,
				criterionId,
				author: 'fachberatung',
				authorName: user.displayName,
				...drafts.message,
				dossierId: ref.dossierId,
				dossierVersion: ref.dossierVersion
			});
		await writeAudit(trx, {
			at: now,
			userId: user.id,
			facilityId,
			action: auditAction(feedback, message),
			entity: 'criterion',
			entityId: criterionId,
			detail: {
				verdict: feedback?.verdict ?? message?.verdict ?? null,
				dossierId: ref.dossierId,
				dossierVersion: ref.dossierVersion
			}
		});
		// Last: the counter stays taken until the commit (see sync/revisions.ts).
		const records: ServerRecord[] = [];
		const base = await claimRevisions(trx, (feedback ? 1 : 0) + (message ? 1 : 0));
		if (feedback) records.push(nextState(stored ?? null, 'criterionFeedback', feedback, base + 1));
		if (message) records.push(nextState(null, 'feedbackMessages', message, base + records.length + 1));
		await saveRecords(trx, records);
		const current = feedback ? (feedback.deleted ? null : feedback) : storedFeedback;
		return { feedback: current, message };
	});
}

function auditAction(feedback: CriterionFeedback | null, message: FeedbackMessage | null): string {
	if (feedback?.deleted) return 'review.feedback.withdraw';
	if (message?.kind === 'erledigt') return 'review.feedback.resolve';
	if (feedback) return 'review.feedback';
	return 'review.feedback.comment';
}

async function checkCriterion(ctx: ServerContext, facilityId: string, criterionId: string): Promise<void> {
	const held = (await readFacilityRecords(ctx.db, [facilityId], ['facilities'])).get(facilityId)!;
	const catalogue = await catalogueOf(ctx, held.profile);
	if (!catalogue.criteria.some((c) => c.id === criterionId)) {
		throw notFound(`Das Kriterium „${criterionId}“ gibt es im Katalog des Familienzentrums nicht.`);
	}
}

async function dossierRef(
	ctx: ServerContext,
	facilityId: string,
	dossierId: string | null
): Promise<DossierRef> {
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

/** Gives (or changes) the verdict on a criterion; it reopens a point marked done. */
export async function saveFeedback(
	ctx: ServerContext,
	user: SessionUser,
	facilityId: string,
	criterionId: string,
	request: { verdict: FeedbackRequest['verdict']; text: string; dossierId: string | null }
): Promise<FeedbackChange> {
	checkMayReview(user, facilityId);
	await checkCriterion(ctx, facilityId, criterionId);
	const ref = await dossierRef(ctx, facilityId, request.dossierId);
	return writeChange(ctx, user, facilityId, criterionId, ref, (stored, now) => ({
		feedback: {
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
		},
		message: { kind: 'rueckmeldung', verdict: request.verdict, text: request.text }
	}));
}

/** A comment in the thread; the verdict stays as it is. */
export async function commentFeedback(
	ctx: ServerContext,
	user: SessionUser,
	facilityId: string,
	criterionId: string,
	request: { text: string; dossierId: string | null }
): Promise<FeedbackChange> {
	checkMayReview(user, facilityId);
	await checkCriterion(ctx, facilityId, criterionId);
	const ref = await dossierRef(ctx, facilityId, request.dossierId);
	return writeChange(ctx, user, facilityId, criterionId, ref, () => ({
		feedback: null,
		message: { kind: 'rueckmeldung', verdict: null, text: request.text }
	}));
}

/** Marks an open point done: the feedback keeps its verdict, the thread says „erledigt“. */
export async function resolveFeedback(
	ctx: ServerContext,
	user: SessionUser,
	facilityId: string,
	criterionId: string,
	request: { dossierId: string | null }
): Promise<FeedbackChange> {
	checkMayReview(user, facilityId);
	const ref = await dossierRef(ctx, facilityId, request.dossierId);
	return writeChange(ctx, user, facilityId, criterionId, ref, (stored, now) => {
		if (!stored || !verdictAsksCentre(stored.verdict)) {
			throw nothingOpen('Zu diesem Kriterium gibt es keinen offenen Punkt, der erledigt werden könnte.');
		}
		if (stored.resolvedAt) throw nothingOpen('Dieser Punkt ist schon als erledigt markiert.');
		return {
			feedback: {
				...stored,
				resolvedAt: now,
				resolvedBy: user.displayName,
				updatedAt: now,
				updatedBy: user.displayName
			},
			message: { kind: 'erledigt', verdict: null, text: '' }
		};
	});
}

/**
 * Withdraws the verdict (a soft delete, so the centre's devices drop it too). The thread stays: its
 * messages are the history of the review. Answers false when there was nothing to withdraw.
 */
export async function withdrawFeedback(
	ctx: ServerContext,
	user: SessionUser,
	facilityId: string,
	criterionId: string
): Promise<boolean> {
	checkMayReview(user, facilityId);
	let withdrawn = false;
	const none = { dossierId: null, dossierVersion: null, periodKey: null };
	await writeChange(ctx, user, facilityId, criterionId, none, (stored, now) => {
		withdrawn = stored !== null;
		return {
			feedback: stored && { ...stored, deleted: true, updatedAt: now, updatedBy: user.displayName },
			message: null
		};
	});
	return withdrawn;
}
