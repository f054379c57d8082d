import type { Role } from '../accounts';

/**
 * What the header names for the signed-in role. A Kita's team and Leitung work in one centre, so
 * the header names it. An advisor has many centres: the header names one only while she is inside
 * it (`/beratung/<facilityId>/…`) and then leads back to her portfolio. An admin works in no centre.
 */

export interface HeaderContext {
	/** The centre to name under the app's name, if any. */
	facilityName?: string;
	/** Show „← Alle Zentren“ back to the portfolio. */
	backToPortfolio: boolean;
}

/** The facility id in `/beratung/<facilityId>/…` (after the base path), if the path is one. */
export function reviewedFacilityId(pathname: string, base = ''): string | null {
	const rest = pathname.startsWith(`${base}/beratung/`) ? pathname.slice(`${base}/beratung/`.length) : null;
	const id = rest?.split('/')[0];
	if (!id) return null;
	try {
		return decodeURIComponent(id);
	} catch {
		return id; // a malformed escape: compare as written
	}
}

export function headerContextFor(input: {
	role: Role | null | undefined;
	pathname: string;
	base?: string;
	/** The centre of the open workspace (a Kita's own). */
	workspaceFacilityName?: string;
	/** The centres the signed-in user may see, from the session. */
	facilities?: readonly { id: string; name: string }[];
}): HeaderContext {
	if (input.role === 'admin') return { backToPortfolio: false };
	if (input.role === 'fachberatung') {
		const id = reviewedFacilityId(input.pathname, input.base);
		if (!id) return { backToPortfolio: false };
		const name = input.facilities?.find((f) => f.id === id)?.name;
		return { facilityName: name, backToPortfolio: true };
	}
	return { facilityName: input.workspaceFacilityName, backToPortfolio: false };
}

/**
 * Whether the header offers the workspace's sync. An admin has no workspace of a centre to sync:
 * she manages accounts and structure online.
 */
export function offersWorkspaceSync(role: Role | null | undefined): boolean {
	return role !== 'admin';
}
