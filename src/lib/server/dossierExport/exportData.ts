import type { SessionUser } from '$lib/domain/accounts';
import type { Catalogue } from '$lib/domain/catalogue/schema';
import type { CriterionFeedback } from '$lib/domain/dossier/feedback';
import type { FeedbackMessage } from '$lib/domain/dossier/feedbackThread';
import type { Dossier } from '$lib/domain/dossier/versions';
import { planDossierExport, type ExportPlan } from '$lib/domain/dossierExport/exportPlan';
import type { ReportInput } from '$lib/domain/dossierExport/report';
import { catalogueFor } from '$lib/server/catalogue/catalogueFor';
import type { ServerContext } from '$lib/server/context';
import { getDossier } from '$lib/server/dossier/dossiers';
import { readFacilityRecords } from '$lib/server/review/facilityRecords';
import { filesOfFacility } from '$lib/server/sync/attachments';

/**
 * What the server's PDF and ZIP of a stored dossier version are made from (issue 14, part 4).
 * `getDossier` decides who may read it: the centre's own users and its assigned advisors; anyone
 * else gets the same 404 as for an unknown id. Only files the dossier's facility owns (and whose
 * bytes the server holds) go in, so an export never carries another centre's file.
 */
export interface DossierExportData {
	dossier: Dossier;
	catalogue: Catalogue;
	plan: ExportPlan;
	/** Cited files the facility owns and the server holds. */
	available: ReadonlySet<string>;
	feedback: CriterionFeedback[];
	messages: FeedbackMessage[];
}

async function feedbackMessagesOf(ctx: ServerContext, facilityId: string): Promise<FeedbackMessage[]> {
	const rows = await ctx.db
		.selectFrom('sync_records')
		.select('data')
		.where('facility_id', '=', facilityId)
		.where('table_name', '=', 'feedbackMessages')
		.where('deleted', '=', 0)
		.execute();
	return rows.map((row) => JSON.parse(row.data) as FeedbackMessage);
}

export async function loadDossierExport(
	ctx: ServerContext,
	user: SessionUser,
	dossierId: string
): Promise<DossierExportData> {
	const dossier = await getDossier(ctx, user, dossierId);
	const catalogue = await catalogueFor(ctx.db, dossier.catalogueId, dossier.catalogueVersion);
	const plan = planDossierExport({ snapshot: dossier.snapshot, catalogue, version: dossier.version });
	const cited = plan.files.flatMap((f) => (f.sha256 ? [f.sha256] : []));
	const available = await filesOfFacility(ctx, dossier.facilityId, cited);
	const records = await readFacilityRecords(ctx.db, [dossier.facilityId], ['criterionFeedback']);
	return {
		dossier,
		catalogue,
		plan,
		available,
		feedback: records.get(dossier.facilityId)?.feedback ?? [],
		messages: await feedbackMessagesOf(ctx, dossier.facilityId)
	};
}

/** The report's input for the server's copy of the version. */
export function reportInputOf(data: DossierExportData, now: Date): ReportInput {
	const { dossier, catalogue, plan, available } = data;
	const missing = new Set(
		plan.files.flatMap((f) => (f.sha256 && !available.has(f.sha256) ? [f.sha256] : []))
	);
	return {
		snapshot: dossier.snapshot,
		catalogue,
		version: dossier.version,
		submittedBy: dossier.submittedBy,
		receivedAt: dossier.receivedAt,
		feedback: data.feedback,
		messages: data.messages,
		plan,
		missing,
		madeAt: now.toISOString()
	};
}
