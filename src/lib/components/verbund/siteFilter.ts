/** A list's site filter: '' shows every entry, `JOINT_ONLY` the joint ones, else one site's. */
export const JOINT_ONLY = '~gemeinsam';
export type SiteFilterValue = string;

/**
 * Whether an entry with `siteId` passes the filter. A site's view shows that site's entries only:
 * joint entries have their own choice, so a leader sees exactly what was recorded for a Kita.
 */
export function matchesSite(siteId: string | null | undefined, filter: SiteFilterValue): boolean {
	if (filter === '') return true;
	if (filter === JOINT_ONLY) return siteId == null;
	return siteId === filter;
}
