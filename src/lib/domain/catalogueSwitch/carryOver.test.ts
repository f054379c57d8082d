import { describe, expect, it } from 'vitest';
import { switchFrom, switchTo } from '$fixtures/catalogueSwitch';
import type { CriterionStatus, CriterionStatusValue, Evidence } from '../records';
import { registerCitationId, type RegisterCitation } from '../registers/citations';
import type { Qualification } from '../registers/qualifications';
import { planCarryOver, planWrites, type CarryOverRecords } from './carryOver';
import { summarizeCarryOver } from './summary';

const F = 'kita-1';
const T = '2026-12-01T08:00:00.000Z';
const base = { facilityId: F, createdAt: T, updatedAt: T, updatedBy: 'Lea', deleted: false };

function status(criterionId: string, value: CriterionStatusValue, note = ''): CriterionStatus {
	return { ...base, id: `${F}:${criterionId}`, criterionId, status: value, note };
}
function evidence(id: string, criterionIds: string[]): Evidence {
	return {
		...base,
		id,
		kind: 'note',
		title: `Nachweis ${id}`,
		note: '',
		url: '',
		date: '2026-10-01',
		validUntil: null,
		criterionIds,
		attachment: null
	};
}
function citation(criterionId: string, entryId: string): RegisterCitation {
	return {
		...base,
		id: registerCitationId(criterionId, 'cooperationPartners', entryId),
		criterionId,
		registerTable: 'cooperationPartners',
		entryId
	};
}
function qualification(id: string, criterionIds: string[]): Qualification {
	return {
		...base,
		id,
		title: `Fortbildung ${id}`,
		kind: 'fortbildung',
		holder: 'Leitung',
		provider: '',
		startDate: '2026-03-01',
		endDate: '2026-03-01',
		hours: 6,
		online: false,
		criterionIds,
		certificate: null
	};
}
const none: CarryOverRecords = { statuses: [], evidence: [], citations: [], qualifications: [] };

describe('planCarryOver: statuses', () => {
	it('leaves statuses of unchanged ids alone and moves a mapped one to its new id', () => {
		const plan = planCarryOver(switchFrom, switchTo, {
			...none,
			statuses: [
				status('1.1', 'erfuellt'),
				status('1.2', 'in_arbeit', 'Vertrag kommt'),
				status('1.3.1', 'erfuellt')
			]
		});
		expect(plan.statuses.kept).toBe(2);
		expect(plan.statuses.moves).toEqual([
			{
				id: `${F}:1.5`,
				facilityId: F,
				criterionId: '1.5',
				status: 'in_arbeit',
				note: 'Vertrag kommt',
				fromIds: ['1.2']
			}
		]);
		expect(plan.statuses.deletes).toEqual([`${F}:1.2`]);
		expect(plan.statuses.dropped).toEqual([]);
	});

	it('keeps the status of a dropped criterion or sub-item untouched and lists it as no longer counting', () => {
		const plan = planCarryOver(switchFrom, switchTo, {
			...none,
			statuses: [status('2.2', 'erfuellt'), status('1.3.2', 'in_arbeit')]
		});
		expect(plan.statuses.dropped).toEqual([
			{ criterionId: '2.2', status: 'erfuellt' },
			{ criterionId: '1.3.2', status: 'in_arbeit' }
		]);
		expect(plan.statuses.deletes).toEqual([]);
		expect(planWrites(plan)).toBe(0);
	});

	it('deletes a dropped status when the new version reuses its id for another criterion', () => {
		const reused = {
			...switchTo,
			mappings: [{ fromVersion: '2026.1', criteria: { '1.2': '1.5', '1.1': null } }]
		};
		const plan = planCarryOver(switchFrom, reused, { ...none, statuses: [status('1.1', 'erfuellt')] });
		expect(plan.statuses.dropped).toEqual([{ criterionId: '1.1', status: 'erfuellt' }]);
		expect(plan.statuses.deletes).toEqual([`${F}:1.1`]);
	});

	it('merges two old criteria landing on one: the better status wins, notes are joined', () => {
		const merging = {
			...switchTo,
			mappings: [{ fromVersion: '2026.1', criteria: { '1.2': '1.5', '2.2': '1.5' } }]
		};
		const plan = planCarryOver(switchFrom, merging, {
			...none,
			statuses: [status('1.2', 'in_arbeit', 'Entwurf liegt vor'), status('2.2', 'erfuellt', 'Befragung 2026')]
		});
		expect(plan.statuses.moves).toEqual([
			{
				id: `${F}:1.5`,
				facilityId: F,
				criterionId: '1.5',
				status: 'erfuellt',
				note: '[1.2] Entwurf liegt vor\n\n[2.2] Befragung 2026',
				fromIds: ['1.2', '2.2']
			}
		]);
		expect(plan.statuses.deletes.sort()).toEqual([`${F}:1.2`, `${F}:2.2`]);
	});

	it('ranks erfüllt over in Arbeit over nicht zutreffend over offen', () => {
		const merging = { ...switchTo, mappings: [{ fromVersion: '2026.1', criteria: { '1.2': '1.1' } }] };
		const pick = (a: CriterionStatusValue, b: CriterionStatusValue) =>
			planCarryOver(switchFrom, merging, { ...none, statuses: [status('1.1', a), status('1.2', b)] }).statuses
				.moves[0].status;
		expect(pick('offen', 'nicht_zutreffend')).toBe('nicht_zutreffend');
		expect(pick('in_arbeit', 'nicht_zutreffend')).toBe('in_arbeit');
		expect(pick('in_arbeit', 'erfuellt')).toBe('erfuellt');
		expect(pick('erfuellt', 'offen')).toBe('erfuellt');
	});

	it('follows a chain of renumbering without mixing up the statuses', () => {
		// 1.1 → 1.2 and 1.2 → 1.5: the new 1.2 gets the old 1.1's status, not its own old one.
		const chain = {
			...switchTo,
			criteria: [...switchTo.criteria, { ...switchTo.criteria[0], id: '1.2', title: 'Neue 1.2' }],
			mappings: [{ fromVersion: '2026.1', criteria: { '1.1': '1.2', '1.2': '1.5' } }]
		};
		const plan = planCarryOver(switchFrom, chain, {
			...none,
			statuses: [status('1.1', 'erfuellt', 'a'), status('1.2', 'offen', 'b')]
		});
		expect(plan.statuses.moves.map((m) => [m.criterionId, m.status, m.note])).toEqual([
			['1.2', 'erfuellt', 'a'],
			['1.5', 'offen', 'b']
		]);
		expect(plan.statuses.deletes).toEqual([`${F}:1.1`]);
	});

	it('ignores deleted records and ids the old version never had', () => {
		const plan = planCarryOver(switchFrom, switchTo, {
			...none,
			statuses: [{ ...status('1.2', 'erfuellt'), deleted: true }, status('9.9', 'erfuellt')]
		});
		expect(planWrites(plan)).toBe(0);
		expect(plan.statuses.kept).toBe(0);
	});
});

describe('planCarryOver: evidence and qualifications', () => {
	it('maps links, drops a dropped link when another remains, and flags evidence left without one', () => {
		const plan = planCarryOver(switchFrom, switchTo, {
			...none,
			evidence: [
				evidence('e1', ['1.1']),
				evidence('e2', ['1.2', '1.1']),
				evidence('e3', ['2.2', '1.1']),
				evidence('e4', ['2.2']),
				evidence('e5', ['1.2', '1.5', '9.9'])
			]
		});
		expect(plan.evidence.kept).toBe(1);
		expect(plan.evidence.updates).toEqual([
			{ id: 'e2', title: 'Nachweis e2', criterionIds: ['1.5', '1.1'] },
			{ id: 'e3', title: 'Nachweis e3', criterionIds: ['1.1'] },
			{ id: 'e5', title: 'Nachweis e5', criterionIds: ['1.5', '9.9'] }
		]);
		expect(plan.evidence.linksDropped).toBe(1);
		expect(plan.evidence.withoutCriterion).toEqual([
			{ id: 'e4', title: 'Nachweis e4', criterionIds: ['2.2'] }
		]);
	});

	it('treats qualifications alike and skips those without criteria', () => {
		const plan = planCarryOver(switchFrom, switchTo, {
			...none,
			qualifications: [qualification('q1', ['1.2']), qualification('q2', []), qualification('q3', ['2.2'])]
		});
		expect(plan.qualifications.updates).toEqual([
			{ id: 'q1', title: 'Fortbildung q1', criterionIds: ['1.5'] }
		]);
		expect(plan.qualifications.withoutCriterion.map((q) => q.id)).toEqual(['q3']);
	});
});

describe('planCarryOver: register citations', () => {
	it('moves a citation to the id made from the new criterion and deletes the old one', () => {
		const plan = planCarryOver(switchFrom, switchTo, {
			...none,
			citations: [citation('1.2', 'p1'), citation('1.1', 'p1'), citation('2.2', 'p2')]
		});
		expect(plan.citations.kept).toBe(1);
		expect(plan.citations.moves).toEqual([
			{
				id: registerCitationId('1.5', 'cooperationPartners', 'p1'),
				facilityId: F,
				criterionId: '1.5',
				registerTable: 'cooperationPartners',
				entryId: 'p1',
				fromId: '1.2'
			}
		]);
		expect(plan.citations.deletes).toEqual([registerCitationId('1.2', 'cooperationPartners', 'p1')]);
		expect(plan.citations.dropped.map((c) => c.criterionId)).toEqual(['2.2']);
	});
});

describe('summarizeCarryOver', () => {
	it('says what moves, what stays and what no longer counts', () => {
		const plan = planCarryOver(switchFrom, switchTo, {
			statuses: [
				status('1.1', 'erfuellt'),
				status('1.3.1', 'erfuellt'),
				status('1.2', 'erfuellt'),
				status('2.2', 'offen')
			],
			evidence: [evidence('e1', ['2.2']), evidence('e2', ['2.2'])],
			citations: [citation('1.2', 'p1')],
			qualifications: [qualification('q1', ['1.2'])]
		});
		expect(summarizeCarryOver(plan)).toEqual([
			'2 Status bleiben unverändert',
			'1 Status wird auf die neue Nummer übertragen',
			'1 Status zählt nicht mehr, weil das Kriterium entfällt',
			'2 Nachweise sind danach ohne Kriterium (sie bleiben gespeichert)',
			'1 Qualifikation wird neu zugeordnet',
			'1 Registereintrag wird neu zugeordnet'
		]);
	});
});
