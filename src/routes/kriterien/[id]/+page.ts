import type { PageLoad } from './$types';

/** The criterion id from the address; the page looks it up in the workspace's catalogue. */
export const load: PageLoad = ({ params }) => ({ criterionId: params.id });
