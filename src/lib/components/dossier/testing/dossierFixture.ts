import { builtInCatalogue } from '$lib/client/services/catalogue';
import { buildDossierSnapshot } from '$lib/domain/dossier/projection';
import type { DossierSummary } from '$lib/domain/dossier/versions';
import { periodFromKey } from '$lib/domain/periods';
import { computeReadiness } from '$lib/domain/readiness';

/** A handed-in dossier of one criterion with a file, for the dossier components' tests. */

export const T0 = '2026-11-23T08:00:00.000Z';
const base = { facilityId: 'kita-a', createdAt: T0, updatedAt: T0, updatedBy: 'Lea Leitung', deleted: false };
export const snapshot = buildDossierSnapshot({
	facility: {
		...base,
		id: 'kita-a',
		name: 'Familienzentrum Sonnenblume',
		traeger: '',
		jugendamt: '',
		street: '',
		postalCode: '',
		city: '',
		verbundMembers: [],
		sealValidUntil: '2027-07-31',
		chosenProfileAreas: [],
		catalogueId: builtInCatalogue.id,
		catalogueVersion: builtInCatalogue.version
	},
	catalogue: builtInCatalogue,
	period: periodFromKey('cy-2026')!,
	statuses: [{ ...base, id: 'kita-a:1.1', criterionId: '1.1', status: 'erfuellt', note: 'Jeden Dienstag' }],
	evidence: [
		{
			...base,
			id: 'ev-1',
			kind: 'file',
			title: 'Kooperationsvertrag',
			note: '',
			url: '',
			date: '2026-03-01',
			validUntil: null,
			criterionIds: ['1.1'],
			attachment: { sha256: 'a'.repeat(64), mimeType: 'application/pdf', size: 2048, fileName: 'vertrag.pdf' }
		}
	],
	registerSummaries: { officeHours: { sessionsHeld: 12, minutes: 1440, contacts: 30 } },
	readiness: computeReadiness({
		catalogue: builtInCatalogue,
		statuses: new Map([['1.1', 'erfuellt']]),
		chosenProfileAreas: []
	}),
	preparedAt: T0,
	preparedBy: 'Lea Leitung'
});
export const summary: DossierSummary = {
	id: 'd-1',
	submissionId: 's-1',
	facilityId: 'kita-a',
	periodKey: 'cy-2026',
	periodLabel: 'Kalenderjahr 2026',
	version: 2,
	catalogueId: builtInCatalogue.id,
	catalogueVersion: builtInCatalogue.version,
	readinessPasses: false,
	submittedBy: 'Lea Leitung',
	preparedAt: T0,
	receivedAt: '2026-11-23T09:30:00.000Z'
};
