import { feedbackRequestSchema } from '$lib/domain/dossier/feedback';
import { endpoint, json, readJson, requireUser } from '$lib/server/http/endpoint';
import { param } from '$lib/server/http/params';
import {
	listReviewFacilities,
	reviewFacility,
	saveFeedback,
	withdrawFeedback
} from '$lib/server/review/review';

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
