import { describe, expect, it } from 'vitest';
import {
	makeDossier,
	makeEvidence,
	makeFeedback,
	makeMessage,
	makeSnapshot,
	makeStatus,
	reviewCatalogue
} from '../../../../tests/fixtures/reviewDossier';
import { dossierOutline } from '../dossier/outline';
import { emptyFilter, filterRows, neighbourId, reviewRows } from './filters';

const snapshot = makeSnapshot({
	statuses: [makeStatus('1.1', 'erfuellt', 'Aushang im Flur'), makeStatus('1.2', 'in_arbeit')],
	evidence: [makeEvidence('e1', ['1.1'], { title: 'Foto Sprechstundenplan' })],
	readiness: { ...makeSnapshot().readiness, metByParts: ['1.3'] }
});
const rows = reviewRows({
	catalogue: reviewCatalogue,
	snapshot,
	feedback: [
		makeFeedback('1.1', { verdict: 'passt' }),
		makeFeedback('1.2'),
		makeFeedback('2.1', { updatedAt: '2026-11-03T09:00:00.000Z' }),
		makeFeedback('2.2', { resolvedAt: '2026-11-04T09:00:00.000Z' })
	],
	messages: [
		makeMessage('2.1'),
		makeMessage('2.1', { author: 'einrichtung', kind: 'antwort', createdAt: '2026-11-04T09:00:00.000Z' })
	]
});
const ids = (filter: Partial<typeof emptyFilter>) =>
	filterRows(rows, { ...emptyFilter, ...filter }).map((r) => r.criterion.id);

describe('the review list’s filters', () => {
	it('shows every criterion unfiltered, in catalogue order', () => {
		expect(ids({})).toEqual(['1.1', '1.2', '1.3', '2.1', '2.2']);
	});

	it('filters by shown status, a criterion met by its parts counting as erfüllt', () => {
		expect(ids({ status: 'erfuellt' })).toEqual(['1.1', '1.3']);
		expect(ids({ status: 'offen' })).toEqual(['2.1', '2.2']);
	});

	it('filters by evidence', () => {
		expect(ids({ evidence: 'mit' })).toEqual(['1.1']);
		expect(ids({ evidence: 'ohne' })).toHaveLength(4);
	});

	it('filters by feedback state', () => {
		expect(ids({ feedback: 'passt' })).toEqual(['1.1']);
		expect(ids({ feedback: 'open' })).toEqual(['1.2']);
		expect(ids({ feedback: 'answered' })).toEqual(['2.1']);
		expect(ids({ feedback: 'done' })).toEqual(['2.2']);
		expect(ids({ feedback: 'keine' })).toEqual(['1.3']);
	});

	it('keeps only the criteria of a changed set', () => {
		expect(ids({ onlyIn: new Set(['2.2', '1.1']) })).toEqual(['1.1', '2.2']);
	});

	it('searches id, title, note and evidence titles, every word', () => {
		expect(ids({ query: 'flur' })).toEqual(['1.1']);
		expect(ids({ query: 'sprechstundenPLAN' })).toEqual(['1.1']);
		expect(ids({ query: '2.1' })).toEqual(['2.1']);
		expect(ids({ query: 'kriterium 1.2' })).toEqual(['1.2']);
	});
});

describe('the review list from a version’s outline, before its evidence items arrive', () => {
	const { evidence, ...rest } = snapshot;
	const fromOutline = reviewRows({
		catalogue: reviewCatalogue,
		snapshot: {
			...rest,
			evidence: null,
			evidenceCounts: dossierOutline(makeDossier(1, snapshot)).snapshot.evidenceCounts
		},
		feedback: [],
		messages: []
	});

	it('counts the evidence as the whole version does, without the items', () => {
		expect(evidence).toHaveLength(1);
		expect(fromOutline.map((r) => [r.criterion.id, r.evidenceCount])).toEqual(
			rows.map((r) => [r.criterion.id, r.evidence?.length])
		);
		expect(fromOutline.every((r) => r.evidence === null)).toBe(true);
	});

	it('filters by evidence and statuses already; the search finds evidence titles once they are there', () => {
		const outlineIds = (filter: Partial<typeof emptyFilter>) =>
			filterRows(fromOutline, { ...emptyFilter, ...filter }).map((r) => r.criterion.id);
		expect(outlineIds({ evidence: 'mit' })).toEqual(['1.1']);
		expect(outlineIds({ evidence: 'ohne' })).toHaveLength(4);
		expect(outlineIds({ status: 'erfuellt' })).toEqual(['1.1', '1.3']);
		expect(outlineIds({ query: 'flur' })).toEqual(['1.1']);
		expect(outlineIds({ query: 'sprechstundenplan' })).toEqual([]);
	});
});

describe('next and previous criterion', () => {
	const list = ['a', 'b', 'c'];
	it('steps and stops at the ends', () => {
		expect(neighbourId(list, 'b', 1)).toBe('c');
		expect(neighbourId(list, 'b', -1)).toBe('a');
		expect(neighbourId(list, 'c', 1)).toBeNull();
		expect(neighbourId(list, null, 1)).toBe('a');
		expect(neighbourId(list, 'x', -1)).toBe('c');
		expect(neighbourId([], null, 1)).toBeNull();
	});
});
