import type { SessionUser } from '$lib/domain/accounts';

/**
 * Who may see and change a facility's data. Pure functions of the session user (whose facilities were
 * loaded with the session), so sync and review handlers can ask on every record without a query.
 *
 * - team, Leitung: read and write the facilities they are members of;
 * - Fachberatung: read (and review) the facilities assigned to her, write nothing of the centre's own;
 * - Admin: manages accounts and structure, reads no facility's dossier.
 */

/** Ids of the facilities whose data the user may read. */
export function facilitiesVisibleTo(user: SessionUser): string[] {
	if (user.role === 'admin') return [];
	return user.facilities.map((f) => f.id);
}

export function canReadFacility(user: SessionUser, facilityId: string): boolean {
	return facilitiesVisibleTo(user).includes(facilityId);
}

export function canWriteFacility(user: SessionUser, facilityId: string): boolean {
	return (user.role === 'team' || user.role === 'leitung') && canReadFacility(user, facilityId);
}

/** Leaving feedback on a centre's dossier. */
export function canReviewFacility(user: SessionUser, facilityId: string): boolean {
	return user.role === 'fachberatung' && canReadFacility(user, facilityId);
}

/** Leitung-only actions: managing the team (and whatever else sync reserves for the leader). */
export function canLeadFacility(user: SessionUser, facilityId: string): boolean {
	return user.role === 'leitung' && canReadFacility(user, facilityId);
}

export function isAdmin(user: SessionUser): boolean {
	return user.role === 'admin';
}
