import { randomUUID } from 'node:crypto';
import { buildDossierSnapshot } from '$lib/domain/dossier/projection';
import type { DossierSnapshot } from '$lib/domain/dossier/snapshot';
import type { DossierSubmission } from '$lib/domain/dossier/versions';
import { periodFromKey } from '$lib/domain/periods';
import { computeReadiness } from '$lib/domain/readiness';
import type { AttachmentRef, CriterionStatus, Evidence } from '$lib/domain/records';
import { builtInCatalogue } from '$lib/server/catalogue/catalogueFor';

/** Dossier hand-ins as a device would send them, for server tests and benchmarks. */

const T0 = '2026-11-23T08:00:00.000Z';

function base(facilityId: string, id: string) {
	return { id, facilityId, createdAt: T0, updatedAt: T0, updatedBy: 'Lea Leitung', deleted: false };
}

export function sampleSnapshot(
	facilityId: string,
	options: { periodKey?: string; attachment?: AttachmentRef | null; statuses?: Record<string, string> } = {}
): DossierSnapshot {
	const period = periodFromKey(options.periodKey ?? 'cy-2026')!;
	const statuses: CriterionStatus[] = Object.entries(
		options.statuses ?? { '1.1': 'erfuellt', '1.2': 'in_arbeit' }
	).map(([criterionId, status]) => ({
		...base(facilityId, `${facilityId}:${criterionId}`),
		criterionId,
		status: status as CriterionStatus['status'],
		note: ''
	}));
	const evidence: Evidence[] = [
		{
			...base(facilityId, `ev-${facilityId}`),
			kind: options.attachment ? 'file' : 'note',
			title: 'Kooperationsvereinbarung Erziehungsberatung',
			note: '',
			url: '',
			date: period.start,
			validUntil: null,
			criterionIds: ['1.1'],
			attachment: options.attachment ?? null
		}
	];
	const readiness = computeReadiness({
		catalogue: builtInCatalogue,
		statuses: new Map(statuses.map((s) => [s.criterionId, s.status])),
		chosenProfileAreas: []
	});
	return buildDossierSnapshot({
		facility: {
			...base(facilityId, facilityId),
			name: `Kita ${facilityId}`,
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
		period,
		statuses,
		evidence,
		registerSummaries: { officeHours: { sessionsHeld: 3, minutes: 180, contacts: 7 } },
		readiness,
		preparedAt: T0,
		preparedBy: 'Lea Leitung'
	});
}

export function sampleSubmission(
	facilityId: string,
	options: Parameters<typeof sampleSnapshot>[1] & { submissionId?: string } = {}
): DossierSubmission {
	return {
		submissionId: options.submissionId ?? randomUUID(),
		facilityId,
		snapshot: sampleSnapshot(facilityId, options)
	};
}
