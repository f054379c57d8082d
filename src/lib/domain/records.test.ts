import { describe, expect, it } from 'vitest';
import { snapshotWithWebLinks } from './dossier/projection';
import { dossierEvidenceSchema } from './dossier/snapshot';
import { evidenceSchema, facilityProfileSchema, isHttpUrl, storedFileName } from './records';

const base = {
	id: 'ev-1',
	facilityId: 'kita-a',
	createdAt: '2025-03-01T08:00:00.000Z',
	updatedAt: '2025-03-01T08:00:00.000Z',
	updatedBy: 'Tablet',
	deleted: false
};

function evidence(values: Record<string, unknown>) {
	return { ...base, kind: 'note', title: 'Aushang', date: '2025-03-01', criterionIds: ['1.1'], ...values };
}

function messages(result: { success: boolean; error?: { issues: { message: string }[] } }): string[] {
	return result.error?.issues.map((issue) => issue.message) ?? [];
}

describe('evidence links', () => {
	it('accept web addresses only, in the record and in a hand-in', () => {
		for (const url of ['https://example.org/aushang', 'http://kita.example/plan?x=1']) {
			expect(isHttpUrl(url)).toBe(true);
			expect(evidenceSchema.safeParse(evidence({ kind: 'link', url })).success).toBe(true);
		}
		for (const url of [
			'javascript:alert(1)',
			'data:text/html,<b>x</b>',
			'JavaScript://x%0aalert(1)',
			'ftp://x.de'
		]) {
			expect(isHttpUrl(url)).toBe(false);
			const record = evidenceSchema.safeParse(evidence({ kind: 'link', url }));
			expect(record.success).toBe(false);
			const handedIn = dossierEvidenceSchema.safeParse({
				id: 'ev-1',
				kind: 'link',
				title: 'Aushang',
				note: '',
				url,
				date: '2025-03-01',
				validUntil: null,
				criterionIds: ['1.1'],
				attachment: null
			});
			expect(handedIn.success).toBe(false);
		}
	});
});

describe('a snapshot stored before links were checked', () => {
	it('keeps every evidence item, with web addresses only', () => {
		const stored = {
			format: 'x',
			evidence: [
				{ id: 'a', url: 'javascript:alert(1)', title: 'A' },
				{ id: 'b', url: 'https://example.org', title: 'B' }
			]
		};
		expect(snapshotWithWebLinks(stored)).toEqual({
			format: 'x',
			evidence: [
				{ id: 'a', url: '', title: 'A' },
				{ id: 'b', url: 'https://example.org', title: 'B' }
			]
		});
		expect(stored.evidence[0].url).toBe('javascript:alert(1)');
		expect(snapshotWithWebLinks(null)).toBeNull();
	});
});

describe('values that become keys or file names', () => {
	it('refuse control characters in criterion ids and file names, with German messages', () => {
		const criterion = evidenceSchema.safeParse(evidence({ criterionIds: ['1.1\u0000'] }));
		expect(messages(criterion)).toContain('Die Kennung darf keine Steuerzeichen enthalten.');
		const file = evidenceSchema.safeParse(
			evidence({
				kind: 'file',
				attachment: { sha256: 'a'.repeat(64), mimeType: 'application/pdf', size: 10, fileName: 'a\nb.pdf' }
			})
		);
		expect(messages(file)).toContain('Der Dateiname darf keine Steuerzeichen enthalten.');
	});

	it('limit a profile to what a dossier hand-in accepts', () => {
		const profile = {
			...base,
			id: 'kita-a',
			name: 'Kita A',
			catalogueId: 'familienzentrum-nrw',
			catalogueVersion: '2025-arbeitsfassung'
		};
		expect(facilityProfileSchema.safeParse(profile).success).toBe(true);
		expect(facilityProfileSchema.safeParse({ ...profile, catalogueId: 'x'.repeat(41) }).success).toBe(false);
		expect(facilityProfileSchema.safeParse({ ...profile, catalogueVersion: 'x'.repeat(61) }).success).toBe(
			false
		);
		expect(facilityProfileSchema.safeParse({ ...profile, catalogueId: 'gs\u0000' }).success).toBe(false);
		const areas = (n: number) => Array.from({ length: n }, (_, i) => `P${i}`);
		expect(facilityProfileSchema.safeParse({ ...profile, chosenProfileAreas: areas(20) }).success).toBe(true);
		expect(facilityProfileSchema.safeParse({ ...profile, chosenProfileAreas: areas(21) }).success).toBe(
			false
		);
	});

	it('limit the criteria of one evidence item to 200 of at most 40 characters', () => {
		const ids = (n: number, length = 4) => Array.from({ length: n }, (_, i) => `${i}`.padStart(length, '1'));
		expect(evidenceSchema.safeParse(evidence({ criterionIds: ids(200, 40) })).success).toBe(true);
		expect(messages(evidenceSchema.safeParse(evidence({ criterionIds: ids(201) })))).toContain(
			'Höchstens 200 Kriterien je Nachweis'
		);
		expect(evidenceSchema.safeParse(evidence({ criterionIds: ['x'.repeat(41)] })).success).toBe(false);
	});
});

describe('a chosen file’s name', () => {
	it('is stored without control characters and cut without halving an emoji', () => {
		expect(storedFileName('Plan\nneu.pdf', 'Datei')).toBe('Plan_neu.pdf');
		const long = `${'a'.repeat(254)}😀.pdf`;
		const stored = storedFileName(long, 'Datei');
		expect(stored).toBe('a'.repeat(254));
		expect(stored.isWellFormed()).toBe(true);
		expect(storedFileName('', 'Datei')).toBe('Datei');
		expect(storedFileName('a\ud83db', 'Datei')).toBe('a\ufffdb');
	});
});
