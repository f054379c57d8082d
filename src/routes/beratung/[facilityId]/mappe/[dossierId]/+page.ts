import { fetchDossier } from '$lib/client/api/dossiers';
import type { PageLoad } from './$types';

// The version's request starts with the navigation, not after the app shell has opened the
// workspace: it is most of the page's first render (tests/bench/reviewRender.js). Not awaited.
export const load: PageLoad = ({ params }) => ({ request: fetchDossier(params.dossierId) });
