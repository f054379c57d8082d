import type { SessionUser } from '$lib/domain/accounts';
import type { Catalogue } from '$lib/domain/catalogue/schema';
import type { FacilityProfile } from '$lib/domain/records';
import { canReadFacility, canReviewFacility } from '$lib/server/auth/permissions';
import { catalogueFor } from '$lib/server/catalogue/catalogueFor';
import type { ServerContext } from '$lib/server/context';
import { forbidden, notFound } from '$lib/server/http/errors';

/** Who may review a centre, shared by the advisor's reading and writing endpoints. */

export const unknownFacility = () => notFound('Dieses Familienzentrum ist Ihnen nicht zugeordnet.');

/** Only an advisor reviews, and only the centres assigned to her; others learn nothing. */
export function checkMayReview(user: SessionUser, facilityId: string): void {
	if (canReviewFacility(user, facilityId)) return;
	if (user.role === 'fachberatung' || !canReadFacility(user, facilityId)) throw unknownFacility();
	throw forbidden('Rückmeldungen gibt die Fachberatung.');
}

export async function catalogueOf(ctx: ServerContext, profile: FacilityProfile | null): Promise<Catalogue> {
	return catalogueFor(ctx.db, profile?.catalogueId ?? null, profile?.catalogueVersion ?? null);
}
