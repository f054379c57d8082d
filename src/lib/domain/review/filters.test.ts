import { describe, expect, it } from 'vitest';
import {
	makeEvidence,
	makeFeedback,
	makeMessage,
	makeSnapshot,
	makeStatus,
	reviewCatalogue
} from '../../../../tests/fixtures/reviewDossier';
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
