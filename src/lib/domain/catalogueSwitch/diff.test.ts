import { describe, expect, it } from 'vitest';
import { switchFrom, switchTo } from '$fixtures/catalogueSwitch';
import { catalogueSchema } from '../catalogue/schema';
import { diffCatalogues, isEmptyDiff } from './diff';
import { buildIdMap } from './idMap';
import { summarizeDiff } from './summary';

describe('the switch fixtures', () => {
	it('are valid catalogues', () => {
		expect(catalogueSchema.safeParse(switchFrom).success).toBe(true);
		expect(catalogueSchema.safeParse(switchTo).success).toBe(true);
	});
});

describe('buildIdMap', () => {
	const ids = buildIdMap(switchFrom, switchTo);

	it('keeps ids the new version has, follows the mapping and drops the rest', () => {
		expect(ids.mapping?.fromVersion).toBe('2026.1');
		expect(ids.targetOf('1.1')).toBe('1.1');
		expect(ids.targetOf('1.2')).toBe('1.5');
		expect(ids.targetOf('1.3.1')).toBe('1.3.1');
		expect(ids.targetOf('1.3.2')).toBeNull();
		expect(ids.targetOf('2.2')).toBeNull();
	});

	it('decides nothing for an id the old version does not know', () => {
		expect(ids.targetOf('9.9')).toBeUndefined();
	});

	it('drops a mapped id whose target the new version lacks instead of inventing it', () => {
		const broken = { ...switchTo, mappings: [{ fromVersion: '2026.1', criteria: { '1.2': '7.7' } }] };
		expect(buildIdMap(switchFrom, broken).targetOf('1.2')).toBeNull();
	});

	it('uses no mapping declared for another version', () => {
		const other = { ...switchTo, mappings: [{ fromVersion: '2025.1', criteria: { '1.2': '1.5' } }] };
		const map = buildIdMap(switchFrom, other);
		expect(map.mapping).toBeNull();
		expect(map.targetOf('1.2')).toBeNull();
	});
});

describe('diffCatalogues', () => {
	const diff = diffCatalogues(switchFrom, switchTo);

	it('lists added and removed criteria and sub-items', () => {
		expect(diff.added).toEqual([{ id: '2.3', title: 'Beteiligung der Eltern' }]);
		expect(diff.removed).toEqual([{ id: '2.2', title: 'Elternbefragung' }]);
		expect(diff.itemsAdded).toEqual([
			{ id: '1.3.3', title: 'Wegweiser auf der Website', criterionId: '1.3' }
		]);
		expect(diff.itemsRemoved).toEqual([
			{ id: '1.3.2', title: 'Flyer in mehreren Sprachen', criterionId: '1.3' }
		]);
	});

	it('pairs a renumbered criterion by the mapping and sees its new title', () => {
		expect(diff.hasMapping).toBe(true);
		expect(diff.mapped).toEqual([{ fromId: '1.2', toId: '1.5' }]);
		expect(diff.renamed).toEqual([
			{
				fromId: '1.2',
				toId: '1.5',
				title: 'Kooperationsvertrag mit der Erziehungsberatung',
				fromTitle: 'Kooperationsvereinbarung mit der Beratungsstelle'
			}
		]);
		expect(diff.added.map((a) => a.id)).not.toContain('1.5');
	});

	it('sees points, level and block changes', () => {
		expect(diff.pointsChanged).toEqual([
			{ fromId: '1.1', toId: '1.1', title: 'Sprechstunde der Erziehungsberatung', from: 2, to: 3 }
		]);
		expect(diff.levelChanged).toMatchObject([{ fromId: '2.1', from: 'basis', to: 'aufbau' }]);
		expect(diff.moved).toMatchObject([
			{ fromId: '2.1', fromPlace: 'Sozialraumbezug, Analyse', toPlace: 'Sozialraumbezug, Beteiligung' }
		]);
	});

	it('finds nothing between a version and itself', () => {
		const same = diffCatalogues(switchFrom, switchFrom);
		expect(isEmptyDiff(same)).toBe(true);
		expect(summarizeDiff(same)).toEqual(['Keine Änderungen an Kriterien und Unterpunkten']);
	});

	it('without a mapping, a renumbered criterion is one removed and one added', () => {
		const unmapped = diffCatalogues(switchFrom, { ...switchTo, mappings: [] });
		expect(unmapped.removed.map((r) => r.id)).toEqual(['1.2', '2.2']);
		expect(unmapped.added.map((a) => a.id)).toEqual(['1.5', '2.3']);
	});
});

describe('summarizeDiff', () => {
	it('says each kind of change once, in German with singular and plural', () => {
		expect(summarizeDiff(diffCatalogues(switchFrom, switchTo))).toEqual([
			'1 neues Kriterium',
			'1 Kriterium entfällt',
			'1 Kriterium umbenannt',
			'1 neue Nummer laut Zuordnung',
			'1 Kriterium in anderem Bereich oder Block',
			'Punkte geändert bei 1 Kriterium',
			'Basis/Aufbau geändert bei 1 Kriterium',
			'1 neuer Unterpunkt',
			'1 Unterpunkt entfällt'
		]);
		const unmapped = summarizeDiff(diffCatalogues(switchFrom, { ...switchTo, mappings: [] }));
		expect(unmapped).toContain('2 neue Kriterien');
		expect(unmapped).toContain('2 Kriterien entfallen');
		expect(unmapped).toContain('1 Unterpunkt entfällt');
	});
});
