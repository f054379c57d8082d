import { describe, expect, it } from 'vitest';
import workingCatalogueJson from '../catalogue/familienzentrum-nrw-2027-arbeitsfassung.json';
import { catalogueSchema } from '../catalogue/schema';
import { newFacilityProfile } from '../facilityProfile';
import type { CriterionStatus } from '../records';
import type { FamilyEducationOffer } from '../registers/familyEducation';
import { emptyRegisterData } from '../registers/registerData';
import type { CertificationRound } from '../rounds/schema';
import { computeReadiness } from './computeReadiness';
import { readinessInput, readinessRound, statusValuesOf } from './input';

const catalogue = catalogueSchema.parse(workingCatalogueJson);
const base = {
	facilityId: 'f1',
	createdAt: '2027-01-05T10:00:00.000Z',
	updatedAt: '2027-01-05T10:00:00.000Z',
	updatedBy: 'Tablet',
	deleted: false
};
const profile = newFacilityProfile(
	{ id: 'f1', name: 'FZ Sonne', catalogueId: catalogue.id, catalogueVersion: catalogue.version },
	{ now: base.createdAt, updatedBy: 'Tablet' }
);
const round: CertificationRound = {
	...base,
	id: 'r1',
	kind: 're',
	form: 'verbund',
	periodKind: 'kalenderjahr',
	periodStart: '2027-01-01',
	periodEnd: '2027-12-31',
	registrationDate: null,
	documentsDue: null,
	siteVisitDate: null,
	sealValidUntil: null,
	note: ''
};

function status(criterionId: string, deleted = false): CriterionStatus {
	return { ...base, id: `f1:${criterionId}`, criterionId, status: 'erfuellt', note: '', deleted };
}

describe('the readiness input of a centre', () => {
	it('takes statuses of criteria and sub-items alike, deleted ones not', () => {
		const values = statusValuesOf([status('1.1'), status('1.1.1'), status('1.2', true)]);
		expect(Object.fromEntries(values)).toEqual({ '1.1': 'erfuellt', '1.1.1': 'erfuellt' });
	});

	it('follows the current round: its questionnaire, its Prüfzeitraum, the Verbund’s sites', () => {
		const verbund = {
			...profile,
			chosenProfileAreas: ['P1'],
			verbundMembers: [{ id: 'k2', name: 'Kita Mond', address: '' }]
		};
		const { round: current, period } = readinessRound([round], catalogue, '2027-06-01');
		expect(current).toBe(round);
		expect(period).toMatchObject({ start: '2027-01-01', end: '2027-12-31' });
		const registers = { data: emptyRegisterData(), period, today: '2027-06-01' };
		const input = readinessInput({ catalogue, profile: verbund, statuses: new Map(), round, registers });
		expect(input).toMatchObject({
			chosenProfileAreas: ['P1'],
			variant: { form: 'verbund', kind: 're' },
			sites: [
				{ id: 'f1', name: 'FZ Sonne' },
				{ id: 'k2', name: 'Kita Mond' }
			]
		});
		expect(input.registers).toBe(registers);
	});

	it('without a round: the catalogue’s current period, every criterion, one site', () => {
		const { round: current, period } = readinessRound([{ ...round, deleted: true }], catalogue, '2026-12-01');
		expect(current).toBeNull();
		expect(period).toMatchObject({ start: '2026-01-01', end: '2026-12-31' });
		const input = readinessInput({
			catalogue,
			profile: null,
			statuses: new Map(),
			round: null,
			registers: undefined
		});
		expect(input).toMatchObject({ chosenProfileAreas: [], variant: undefined, sites: undefined });
	});

	it('lets a register reach a threshold-only criterion', () => {
		const { period } = readinessRound([round], catalogue, '2027-06-01');
		const cafe: FamilyEducationOffer = {
			...base,
			id: 'o1',
			title: 'Elterncafé',
			kind: 'elterncafe',
			partnerId: null,
			sessions: [{ date: '2027-03-10', participants: 8 }],
			targetGroup: '',
			languages: [],
			free: true,
			location: 'im_zentrum',
			phases: []
		};
		const data = { ...emptyRegisterData(), familyEducationOffers: [cafe] };
		const readiness = computeReadiness(
			readinessInput({
				catalogue,
				profile,
				statuses: new Map(),
				round,
				registers: { data, period, today: '2027-06-01' }
			})
		);
		expect(readiness.metByParts).toContain('2.3');
	});
});
