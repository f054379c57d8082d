import type { ReviewFacilitySummary } from '../../dossier/review';

/** A portfolio row for tests; override what the test is about. */
export function portfolioRow(
	overrides: Partial<Omit<ReviewFacilitySummary, 'readiness'>> & {
		readiness?: Partial<ReviewFacilitySummary['readiness']>;
	} = {}
): ReviewFacilitySummary {
	const { readiness, ...rest } = overrides;
	return {
		id: 'kita-a',
		name: 'Familienzentrum Regenbogen',
		familienzentrum: 'kita-a',
		sealValidUntil: '2029-07-31',
		catalogue: { id: 'fz-nrw', version: '2027.1', title: 'Gütesiegel Familienzentrum NRW' },
		readiness: {
			passes: false,
			points: 20,
			pointsRequired: 40,
			basisLeistung: 5,
			basisLeistungRequired: 8,
			basisStruktur: 2,
			basisStrukturRequired: 4,
			areasPassing: 3,
			areasCount: 8,
			...readiness
		},
		nextDate: null,
		lastSyncAt: null,
		latestDossier: null,
		openFeedback: 0,
		unansweredReplies: 0,
		...rest
	};
}
