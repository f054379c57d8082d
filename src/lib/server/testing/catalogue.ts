import type { Catalogue } from '$lib/domain/catalogue/schema';

/** The smallest valid catalogue, for upload tests. */
export const miniCatalogue = (version: string): Catalogue => ({
	format: 'guetesiegel-katalog/1',
	id: 'familienzentrum-nrw',
	version,
	title: 'Arbeitsfassung',
	official: false,
	reviewPeriod: 'kindergartenjahr',
	areas: [{ id: 'L1', kind: 'leistung', title: 'Beratung', minimum: { points: 1 } }],
	criteria: [
		{
			id: '1.1',
			areaId: 'L1',
			level: 'basis',
			points: 1,
			title: 'Sprechstunde',
			explanation: 'Regelmäßige Sprechstunden der Erziehungsberatung',
			typicalEvidence: []
		}
	],
	overallMinimum: { points: 1 }
});
