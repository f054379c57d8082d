import { dossierSubmissionSchema, feedbackRequestSchema } from '$lib/domain/dossier';
import { endpoint, json, readJson, requireUser } from '$lib/server/http/endpoint';
import { badRequest } from '$lib/server/http/errors';
import { param } from '$lib/server/http/params';
import { catalogueFor } from './catalogue';
import { getDossier, listDossiers, submitDossier } from './dossiers';
import { listReviewFacilities, reviewFacility, saveFeedback, withdrawFeedback } from './review';

/** `GET /api/dossiers?facility=…` — the versions handed in for a facility the user may read. */
export const getDossiers = endpoint(async (event, ctx) => {
	const user = requireUser(event);
	const facilityId = event.url.searchParams.get('facility');
	if (!facilityId) throw badRequest('Bitte das Familienzentrum angeben (?facility=…).');
	return json({ dossiers: await listDossiers(ctx, user, facilityId) });
});

/** `POST /api/dossiers` — hands in a dossier; a resent submission answers the stored one (200). */
export const postDossier = endpoint(async (event, ctx) => {
	const user = requireUser(event);
	// Stored as JSON text; the few strings that become columns are checked in submitDossier.
	const submission = await readJson(event, dossierSubmissionSchema, { allowNul: true });
	const result = await submitDossier(ctx, user, submission);
	return json(result, { status: result.created ? 201 : 200 });
});

/** `GET /api/dossiers/:id` — one version with its snapshot. */
export const getDossierById = endpoint(async (event, ctx) => {
	const user = requireUser(event);
	const dossier = await getDossier(ctx, user, param(event, 'id'));
	const catalogue = await catalogueFor(ctx.db, dossier.catalogueId, dossier.catalogueVersion);
	return json({ dossier, catalogue });
});

/** `GET /api/review/facilities` — the advisor's centres. */
export const getReviewFacilities = endpoint(async (event, ctx) => {
	const user = requireUser(event);
	return json({ facilities: await listReviewFacilities(ctx, user) });
});

/** `GET /api/review/facilities/:facilityId` */
export const getReviewFacility = endpoint(async (event, ctx) => {
	const user = requireUser(event);
	return json(await reviewFacility(ctx, user, param(event, 'facilityId')));
});

/** `PUT /api/review/facilities/:facilityId/feedback/:criterionId` */
export const putFeedback = endpoint(async (event, ctx) => {
	const user = requireUser(event);
	const request = await readJson(event, feedbackRequestSchema);
	const feedback = await saveFeedback(
		ctx,
		user,
		param(event, 'facilityId'),
		param(event, 'criterionId'),
		request
	);
	return json({ feedback });
});

/** `DELETE /api/review/facilities/:facilityId/feedback/:criterionId` */
export const deleteFeedback = endpoint(async (event, ctx) => {
	const user = requireUser(event);
	const withdrawn = await withdrawFeedback(
		ctx,
		user,
		param(event, 'facilityId'),
		param(event, 'criterionId')
	);
	return json({ withdrawn });
});
