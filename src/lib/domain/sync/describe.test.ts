import { describe, expect, it } from 'vitest';
import { describeRecord, fieldLabel, formatValue } from './describe';

describe('how sync names records, fields and values for the leader', () => {
	it('names a criterion status by its criterion and evidence by its title', () => {
		expect(describeRecord('criterionStatuses', { criterionId: '1.2' })).toBe('Kriterium 1.2');
		expect(describeRecord('evidence', { title: 'Flyer Elterncafé' })).toBe('Nachweis „Flyer Elterncafé“');
		expect(describeRecord('officeHourSessions', { date: '2026-03-03' })).toBe('Sprechstunde vom 03.03.2026');
		expect(describeRecord('somethingNew', undefined)).toBe('somethingNew');
	});

	it('shows status values, dates, lists and files in words', () => {
		expect(fieldLabel('status')).toBe('Status');
		expect(formatValue('status', 'in_arbeit')).toBe('In Arbeit');
		expect(formatValue('status', 'erfuellt')).toBe('Erfüllt');
		expect(formatValue('validUntil', '2027-07-31')).toBe('31.07.2027');
		expect(formatValue('criterionIds', ['1.1', '2.3'])).toBe('1.1, 2.3');
		expect(formatValue('note', '')).toBe('(leer)');
		expect(formatValue('deleted', true)).toBe('Ja');
		expect(formatValue('weekday', 2)).toBe('Dienstag');
		expect(
			formatValue('attachment', {
				sha256: 'a'.repeat(64),
				mimeType: 'application/pdf',
				size: 3,
				fileName: 'v.pdf'
			})
		).toBe('v.pdf');
	});
});
