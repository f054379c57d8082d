import { describe, expect, it } from 'vitest';
import {
	makeDossier,
	makeEvidence,
	makeSnapshot,
	makeStatus
} from '../../../../tests/fixtures/reviewDossier';
import { dossierOutline, dossierOutlineSchema, evidenceCountOf } from './outline';

const dossier = makeDossier(
	2,
	makeSnapshot({
		statuses: [makeStatus('1.1', 'erfuellt', 'Aushang im Flur'), makeStatus('1.2', 'in_arbeit')],
		evidence: [
			makeEvidence('e1', ['1.1', '1.2'], { note: 'x'.repeat(5_000) }),
			makeEvidence('e2', ['1.1']),
			makeEvidence('e3', ['__proto__'])
		],
		registerSummaries: { officeHours: { sessionsHeld: 3 } },
		registerTables: [{ fileName: 'sprechstunden-kj-2026.csv', title: 'Sprechstunden', csv: 'a;b', rows: 1 }]
	})
);

describe('the outline of a dossier version', () => {
	const outline = dossierOutline(dossier);

	it('keeps what the review list shows and counts the evidence per criterion', () => {
		expect(outline.snapshot.statuses).toEqual(dossier.snapshot.statuses);
		expect(outline.snapshot.readiness).toEqual(dossier.snapshot.readiness);
		expect(outline.snapshot.facility).toEqual(dossier.snapshot.facility);
		expect(outline.version).toBe(2);
		expect(evidenceCountOf(outline.snapshot.evidenceCounts, '1.1')).toBe(2);
		expect(evidenceCountOf(outline.snapshot.evidenceCounts, '1.2')).toBe(1);
		expect(evidenceCountOf(outline.snapshot.evidenceCounts, '2.1')).toBe(0);
	});

	it('leaves out the evidence items and the register tables, the bulk of a large version', () => {
		expect(outline.snapshot).not.toHaveProperty('evidence');
		expect(outline.snapshot).not.toHaveProperty('registerTables');
		expect(outline.snapshot).not.toHaveProperty('registerSummaries');
		expect(JSON.stringify(outline).length).toBeLessThan(JSON.stringify(dossier).length / 2);
	});

	it('passes the schema the page checks it with, an odd criterion id included', () => {
		// No catalogue has a criterion "__proto__": it must only not spoil the others' counts.
		const parsed = dossierOutlineSchema.parse(JSON.parse(JSON.stringify(outline)));
		expect(evidenceCountOf(parsed.snapshot.evidenceCounts, '1.1')).toBe(2);
		expect(evidenceCountOf(parsed.snapshot.evidenceCounts, 'toString')).toBe(0);
		expect(evidenceCountOf(parsed.snapshot.evidenceCounts, 'constructor')).toBe(0);
	});

	it('refuses an outline whose counts are not whole numbers', () => {
		const wrong = { ...outline, snapshot: { ...outline.snapshot, evidenceCounts: { '1.1': 1.5 } } };
		expect(dossierOutlineSchema.safeParse(wrong).success).toBe(false);
	});
});
