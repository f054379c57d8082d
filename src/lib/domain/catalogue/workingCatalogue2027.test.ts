import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import workingJson from './familienzentrum-nrw-2027-arbeitsfassung.json';
import { thresholdOfRule } from './convertFormat1';
import { appliesToVariant, crossCheckCatalogue, variants } from './crossChecks';
import { parseCatalogue } from './parseCatalogue';
import {
	catalogueSchema,
	CATALOGUE_FORMAT_2,
	type Catalogue,
	type RequirementExpression,
	type Threshold
} from './schema';

const text = readFileSync(new URL('./familienzentrum-nrw-2027-arbeitsfassung.json', import.meta.url), 'utf8');

const hasOder = (e: RequirementExpression | undefined): boolean =>
	e !== undefined && typeof e !== 'string' && ('oder' in e || e.und.some(hasOder));

describe('the working catalogue 2027 (format 2)', () => {
	const parsed = catalogueSchema.safeParse(workingJson);
	const catalogue = parsed.data as Catalogue;

	it('is valid, also through the import with its line-based errors', () => {
		expect(parsed.error?.issues ?? []).toEqual([]);
		const imported = parseCatalogue(text);
		expect(imported.ok ? [] : imported.errors).toEqual([]);
		expect(crossCheckCatalogue(catalogue)).toEqual([]);
	});

	it('needs no defaults filled in: the app uses the JSON as it is, without zod', () => {
		expect(catalogue).toEqual(workingJson);
	});

	it('is labelled as our own working version in format 2', () => {
		expect(catalogue).toMatchObject({
			format: CATALOGUE_FORMAT_2,
			id: 'familienzentrum-nrw',
			version: '2027.1-arbeitsfassung',
			official: false,
			reviewPeriod: 'kalenderjahr',
			secondHalfStarts: '08-01'
		});
		expect(catalogue.notice).toMatch(/eigenen Worten/);
		expect(catalogue.notice).toMatch(/kein amtlicher Text/);
	});

	it('keeps the areas, splits Leistungsbereich 4 into the blocks 4H, 4B, 4F, 4K', () => {
		expect(catalogue.areas.map((a) => `${a.id}:${a.kind}`)).toEqual([
			'L1:leistung',
			'L2:leistung',
			'L3:leistung',
			'L4:leistung',
			'S1:struktur',
			'S2:struktur',
			'S3:struktur',
			'S4:struktur',
			'P1:profil'
		]);
		const l4 = catalogue.areas.find((a) => a.id === 'L4');
		expect((l4?.blocks ?? []).map((b) => b.id)).toEqual(['4H', '4B', '4F', '4K']);
		for (const block of l4?.blocks ?? [])
			expect(catalogue.criteria.filter((c) => c.blockId === block.id).length).toBeGreaterThan(0);
		// Every criterion of L4 sits in a block.
		expect(catalogue.criteria.filter((c) => c.areaId === 'L4' && !c.blockId)).toEqual([]);
	});

	it('combines sub-items with ODER and has thresholds per half, month and period', () => {
		expect(catalogue.criteria.filter((c) => hasOder(c.requires)).map((c) => c.id)).toContain('1.3');
		const thresholds = catalogue.criteria.flatMap((c) => c.thresholds ?? []);
		const pers = new Set(thresholds.map((t) => t.per));
		expect([...pers].sort()).toEqual(['half', 'month', 'period']);
		expect(thresholds).toContainEqual(
			expect.objectContaining({ source: 'officeHourSessions', per: 'month', min: 1 })
		);
		expect(thresholds).toContainEqual(
			expect.objectContaining({ per: 'half', where: expect.objectContaining({ minSessions: 8 }) })
		);
		expect(thresholds).toContainEqual(
			expect.objectContaining({ per: 'half', where: expect.objectContaining({ weekend: true }) })
		);
		expect(thresholds).toContainEqual(
			expect.objectContaining({
				source: 'qualifications',
				where: expect.objectContaining({ minHours: 6, maxAgeYears: 7 })
			})
		);
		expect(thresholds).toContainEqual(
			expect.objectContaining({ source: 'qualifications', where: expect.objectContaining({ minHours: 30 }) })
		);
	});

	it('asks some criteria only of a Verbund or a re-certification, some per site', () => {
		expect(catalogue.criteria.some((c) => c.appliesTo?.forms?.join() === 'verbund')).toBe(true);
		expect(catalogue.criteria.some((c) => c.appliesTo?.kinds?.join() === 're')).toBe(true);
		expect(catalogue.criteria.filter((c) => c.perSite).length).toBeGreaterThanOrEqual(2);
		for (const variant of variants)
			expect(catalogue.criteria.filter((c) => appliesToVariant(c, variant)).length).toBeGreaterThan(70);
	});

	it('names the evidence that must be new in each round', () => {
		const requirements = catalogue.criteria.flatMap((c) => c.evidenceRequirements ?? []);
		expect(requirements).toContainEqual(
			expect.objectContaining({ kind: 'vereinbarung', newEachRound: true })
		);
		expect(requirements).toContainEqual(
			expect.objectContaining({ kind: 'qualifikation', newEachRound: true, minHours: 6, maxAgeYears: 7 })
		);
	});

	it('keeps a counting rule only beside a threshold that means exactly the same', () => {
		// The rules still feed the register summary of the criterion page; they may never disagree.
		const same = (a: Omit<Threshold, 'id' | 'label'>, b: Omit<Threshold, 'id' | 'label'>) =>
			a.source === b.source &&
			a.min === b.min &&
			a.per === b.per &&
			(a.months ?? 12) === (b.months ?? 12) &&
			JSON.stringify(a.where) === JSON.stringify(b.where);
		for (const criterion of catalogue.criteria)
			for (const rule of criterion.rules ?? []) {
				const equivalent = thresholdOfRule(rule);
				if (equivalent)
					expect(
						(criterion.thresholds ?? []).some((t) => same(t, equivalent)),
						`${criterion.id} ${rule.kind}`
					).toBe(true);
			}
	});

	it('maps renumbered and dropped criteria of 2026.1 to criteria that exist', () => {
		const old = JSON.parse(
			readFileSync(new URL('./familienzentrum-nrw-arbeitsfassung.json', import.meta.url), 'utf8')
		) as Catalogue;
		const mapping = catalogue.mappings?.find((m) => m.fromVersion === old.version);
		expect(mapping).toBeDefined();
		const ids = new Set(catalogue.criteria.map((c) => c.id));
		// Every old criterion either keeps its id or is listed in the mapping.
		for (const criterion of old.criteria)
			expect(
				ids.has(criterion.id) || Object.hasOwn(mapping?.criteria ?? {}, criterion.id),
				criterion.id
			).toBe(true);
	});
});
