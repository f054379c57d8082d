import { isSite, MAX_VERBUND_KITAS, sitesOf, type SiteSource } from './sites';

/** The profile fields the Verbund checks read. */
export interface VerbundSource extends SiteSource {
	grantRecipientSiteId?: string | null;
	contactSiteId?: string | null;
}

/** A problem of the Verbund's data, at the profile field it belongs to, in German. */
export interface VerbundIssue {
	path: (string | number)[];
	message: string;
}

export const GRANT_RECIPIENT_UNKNOWN = 'Der Zuschussempfänger ist keine Kita dieses Verbunds.';
export const CONTACT_SITE_UNKNOWN = 'Die Kontakteinrichtung ist keine Kita dieses Verbunds.';
export const TOO_MANY_KITAS = `Ein Verbund hat höchstens ${MAX_VERBUND_KITAS} Kitas`;

/**
 * What a Verbund must satisfy beyond each field's own shape: the Zuschussempfänger and the
 * Kontakteinrichtung are Kitas of the Verbund (null: the profile's own Kita), and there are at
 * most five Kitas. `facilityProfileSchema` refines with it, so device, wire and server agree.
 */
export function verbundIssues(profile: VerbundSource): VerbundIssue[] {
	const sites = sitesOf(profile);
	const issues: VerbundIssue[] = [];
	if (sites.length > MAX_VERBUND_KITAS) issues.push({ path: ['verbundMembers'], message: TOO_MANY_KITAS });
	const grant = profile.grantRecipientSiteId;
	if (grant != null && !isSite(sites, grant)) {
		issues.push({ path: ['grantRecipientSiteId'], message: GRANT_RECIPIENT_UNKNOWN });
	}
	const contact = profile.contactSiteId;
	if (contact != null && !isSite(sites, contact)) {
		issues.push({ path: ['contactSiteId'], message: CONTACT_SITE_UNKNOWN });
	}
	return issues;
}

/**
 * Why a member Kita cannot be removed, or null when it can. A Kita that is the Zuschussempfänger or
 * the Kontakteinrichtung is refused rather than silently replaced: who receives the grant is a
 * decision the leader makes, so she chooses another Kita for the role first.
 */
export function removalBlocker(profile: VerbundSource, memberId: string): string | null {
	const member = profile.verbundMembers.find((m) => m.id === memberId);
	const name = member?.name.trim() ? `„${member.name.trim()}“` : 'Diese Kita';
	const roles = [
		profile.grantRecipientSiteId === memberId ? 'Zuschussempfänger' : null,
		profile.contactSiteId === memberId ? 'Kontakteinrichtung' : null
	].filter((role) => role !== null);
	if (roles.length === 0) return null;
	return `${name} ist ${roles.join(' und ')} des Verbunds. Bitte zuerst eine andere Kita dafür wählen, dann entfernen.`;
}

/** The site that receives the grant: the chosen one, or the profile's own Kita. */
export function grantRecipientId(profile: VerbundSource): string {
	return profile.grantRecipientSiteId ?? profile.facilityId;
}

/** The contact centre: the chosen one, or the profile's own Kita. */
export function contactSiteId(profile: VerbundSource): string {
	return profile.contactSiteId ?? profile.facilityId;
}
