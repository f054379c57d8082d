import { earlyFetch } from '$lib/client/api/earlyRequests';
import { fetchReviewFacilities } from '$lib/client/api/review';
import { readCachedSession } from '$lib/client/services/session/sessionCache';
import type { PageLoad } from './$types';

// The centres are asked for as soon as the page is chosen, while the app still opens the session:
// with hundreds of centres their answer takes longest. Not awaited, so the page shows at once. On
// the app's start the shell has asked already (static/early-requests.js).
export const load: PageLoad = () => {
	const advisor = readCachedSession()?.user.role === 'fachberatung';
	return { facilities: advisor ? fetchReviewFacilities(earlyFetch) : null };
};
