import { fetchDossierOutline } from '$lib/client/api/dossiers';
import { earlyFetch } from '$lib/client/api/earlyRequests';
import type { PageLoad } from './$types';

// The version's outline is asked for with the navigation, not after the app shell has opened the
// workspace: it is most of the page's first render (tests/bench/reviewRender.js). Not awaited. On
// the app's start the shell has asked already (static/early-requests.js). The evidence items follow
// in the whole version, asked for by the page once the outline is on screen.
export const load: PageLoad = ({ params }) => ({
	request: fetchDossierOutline(params.dossierId, earlyFetch)
});
