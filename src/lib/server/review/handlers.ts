import { feedbackRequestSchema } from '$lib/domain/dossier/feedback';
import {
	feedbackCommentRequestSchema,
	feedbackResolveRequestSchema
} from '$lib/domain/dossier/feedbackThread';
import { endpoint, json, readJson, requireUser } from '$lib/server/http/endpoint';
import { param } from '$lib/server/http/params';
import {
	commentFeedback,
	resolveFeedback,
	saveFeedback,
	withdrawFeedback
} from '$lib/server/review/feedback';
import { listReviewFacilities, reviewContext, reviewFacility } from '$lib/server/review/review';

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

/** `GET /api/review/facilities/:facilityId/context` — what a version's review page adds to it. */
export const getReviewContext = endpoint(async (event, ctx) => {
	const user = requireUser(event);
	return json(await reviewContext(ctx, user, param(event, 'facilityId')));
});

/** `PUT /api/review/facilities/:facilityId/feedback/:criterionId` */
export const putFeedback = endpoint(async (event, ctx) => {
	const user = requireUser(event);
	const request = await readJson(event, feedbackRequestSchema);
	return json(
		await saveFeedback(ctx, user, param(event, 'facilityId'), param(event, 'criterionId'), request)
	);
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
	return json({ withdrawn, feedback: null, message: null });
});

/** `POST /api/review/facilities/:facilityId/feedback/:criterionId/messages` — a comment. */
export const postFeedbackComment = endpoint(async (event, ctx) => {
	const user = requireUser(event);
	const request = await readJson(event, feedbackCommentRequestSchema);
	return json(
		await commentFeedback(ctx, user, param(event, 'facilityId'), param(event, 'criterionId'), request)
	);
});

/** `POST /api/review/facilities/:facilityId/feedback/:criterionId/resolve` — mark done. */
export const postFeedbackResolved = endpoint(async (event, ctx) => {
	const user = requireUser(event);
	const request = await readJson(event, feedbackResolveRequestSchema);
	return json(
		await resolveFeedback(ctx, user, param(event, 'facilityId'), param(event, 'criterionId'), request)
	);
});
