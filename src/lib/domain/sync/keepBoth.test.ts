import { describe, expect, it } from 'vitest';
import type { SyncConflict } from './conflict';
import { bothTextsOf, canKeepBoth, joinBothTexts } from './keepBoth';

const T0 = '2026-11-23T08:00:00.000Z';
const base = { facilityId: 'kita-a', createdAt: T0, updatedAt: T0, updatedBy: 'Anna', deleted: false };
const record = { ...base, id: 'kita-a:1.1', criterionId: '1.1', status: 'in_arbeit', note: 'Text von Anna' };

function noteConflict(extra: Partial<SyncConflict> = {}): SyncConflict {
	return {
		...base,
		id: 'c1',
		table: 'criterionStatuses',
		recordId: record.id,
		field: 'note',
		keptValue: 'Text von Anna',
		otherValue: 'Text von Bernd',
		otherBy: 'Bernd',
		otherAt: '2026-11-23T09:15:00.000Z',
		keptBy: 'Anna',
		keptAt: '2026-11-23T09:05:00.000Z',
		changedFields: [],
		resolved: false,
		resolution: null,
		...extra
	};
}

describe('joinBothTexts', () => {
	it('keeps both texts, each under a line naming its author and time', () => {
		const joined = bothTextsOf(noteConflict());
		const lines = joined.split('\n');
		expect(lines[0]).toMatch(/^——— Fassung von Anna, 23\.11\.2026 \d\d:05 ———$/);
		expect(lines[1]).toBe('Text von Anna');
		expect(lines[3]).toMatch(/^——— Fassung von Bernd, 23\.11\.2026 \d\d:15 ———$/);
		expect(lines[4]).toBe('Text von Bernd');
	});

	it('says „Bisherige Fassung“ when the kept text’s author is not known', () => {
		const joined = joinBothTexts({ text: 'a', by: '', at: null }, { text: 'b', by: 'Bernd', at: null });
		expect(joined).toBe('——— Bisherige Fassung ———\na\n\n——— Fassung von Bernd ———\nb');
	});
});

describe('canKeepBoth', () => {
	it('offers it for two different texts of a free-text field', () => {
		expect(canKeepBoth(noteConflict(), record)).toBe(true);
	});

	it('does not offer it for a choice, an empty side, equal texts or a delete', () => {
		expect(
			canKeepBoth(noteConflict({ field: 'status', keptValue: 'erfuellt', otherValue: 'offen' }), record)
		).toBe(false);
		expect(canKeepBoth(noteConflict({ keptValue: '' }), record)).toBe(false);
		expect(canKeepBoth(noteConflict({ otherValue: 'Text von Anna' }), record)).toBe(false);
		expect(canKeepBoth(noteConflict({ field: 'deleted', keptValue: true, otherValue: false }), record)).toBe(
			false
		);
		expect(canKeepBoth(noteConflict(), undefined)).toBe(false);
	});

	it('does not offer it when the joined text would be too long for the field', () => {
		expect(canKeepBoth(noteConflict({ keptValue: 'x'.repeat(9_990) }), record)).toBe(false);
	});
});
