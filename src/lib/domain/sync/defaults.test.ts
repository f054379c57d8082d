import { describe, expect, it } from 'vitest';
import { tableDefaults } from './defaults';

describe('tableDefaults', () => {
	it('lists the values a table’s schema fills in, not the required fields', () => {
		const defaults = tableDefaults('criterionStatuses');
		expect(defaults).toEqual({ deleted: false, status: 'offen', note: '' });
	});

	it('knows refined schemas too, and nothing for an unknown table', () => {
		expect(tableDefaults('evidence')).toMatchObject({
			note: '',
			url: '',
			validUntil: null,
			attachment: null
		});
		expect(tableDefaults('evidence')).not.toHaveProperty('title');
		expect(tableDefaults('unknownTable')).toEqual({});
	});
});
