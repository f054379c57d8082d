/**
 * The sites of a Verbund: the Kita that holds the profile (its id is the facility id) and the
 * member Kitas of `verbundMembers`. Evidence, register entries and per-site readiness name a site
 * by this id; `siteId` null means „Alle Standorte / gemeinsam“.
 */
export interface Site {
	id: string;
	name: string;
}

/**
 * The profile fields the sites are made of. Written out rather than picked from `FacilityProfile`,
 * because the profile's schema refines with these checks (a type would refer to itself).
 */
export interface SiteSource {
	facilityId: string;
	name: string;
	verbundMembers: readonly { id: string; name: string }[];
}

/** A Verbund has at most five Kitas: the profile's own and four members (the schema's limit). */
export const MAX_VERBUND_KITAS = 5;

/** Shown for a site id that names no site (any more): a member removed, or a record from elsewhere. */
export const REMOVED_SITE_NAME = 'Standort entfernt';

/** Shown for an entry that belongs to no single site. */
export const JOINT_SITE_NAME = 'Alle Standorte / gemeinsam';

/** The profile's own Kita first, then the members in the order the leader entered them. */
export function sitesOf(profile: SiteSource): Site[] {
	return [
		{ id: profile.facilityId, name: profile.name },
		// A profile stored by an older app (on a server, in a backup) may lack the list.
		...(profile.verbundMembers ?? []).map((member) => ({ id: member.id, name: member.name }))
	];
}

/** A Verbund is a centre with at least one member Kita; only then is there a site to choose. */
export function isVerbund(profile: Pick<SiteSource, 'verbundMembers'> | null | undefined): boolean {
	return (profile?.verbundMembers?.length ?? 0) > 0;
}

/** The site's name; never throws: null is joint, an unknown id a removed site. */
export function siteName(sites: readonly Site[], siteId: string | null | undefined): string {
	if (siteId === null || siteId === undefined) return JOINT_SITE_NAME;
	return sites.find((site) => site.id === siteId)?.name || REMOVED_SITE_NAME;
}

/** Whether the id names one of the sites. */
export function isSite(sites: readonly Site[], siteId: string): boolean {
	return sites.some((site) => site.id === siteId);
}
