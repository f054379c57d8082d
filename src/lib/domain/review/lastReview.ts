import type { DossierSummary } from '../dossier/versions';

/**
 * Which earlier hand-in the advisor compares against (issue 15): the version just before, and the
 * latest version she gave feedback on. Pure, over the server's list of versions.
 */

/** Anything that names the dossier version it was written about (feedback, thread messages). */
export interface ReviewedMark {
	dossierId: string | null;
	dossierVersion: number | null;
	/** Only the advisor's own words count as a review; the centre's answers do not. */
	author?: 'fachberatung' | 'einrichtung';
}

/** The version handed in just before `current` for the same period, or null for the first one. */
export function previousVersion(
	dossiers: readonly DossierSummary[],
	current: Pick<DossierSummary, 'id' | 'periodKey' | 'version'>
): DossierSummary | null {
	return (
		dossiers
			.filter((d) => d.periodKey === current.periodKey && d.version < current.version)
			.sort((a, b) => b.version - a.version)[0] ?? null
	);
}

/**
 * The latest version before `current` (same period) on which the advisor gave feedback, or null.
 * A mark without a dossier id (feedback given on the live state) names no version.
 */
export function lastReviewedVersion(
	dossiers: readonly DossierSummary[],
	current: Pick<DossierSummary, 'id' | 'periodKey' | 'version'>,
	marks: Iterable<ReviewedMark>
): DossierSummary | null {
	const byId = new Map(dossiers.map((d) => [d.id, d]));
	let best: DossierSummary | null = null;
	for (const mark of marks) {
		if (mark.author === 'einrichtung' || !mark.dossierId) continue;
		const dossier = byId.get(mark.dossierId);
		if (!dossier || dossier.periodKey !== current.periodKey || dossier.version >= current.version) continue;
		if (!best || dossier.version > best.version) best = dossier;
	}
	return best;
}
