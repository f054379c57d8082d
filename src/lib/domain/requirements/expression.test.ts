import { describe, expect, it } from 'vitest';
import { cheapestMissing, formatExpression, holds, partIds } from './expression';

const met =
	(...ids: string[]) =>
	(id: string) =>
		ids.includes(id);

describe('UND/ODER expressions', () => {
	const expr = { oder: ['1.3', { und: ['1.3.1', 'kurs'] }] };

	it('reads like the checklists, with brackets around nested parts', () => {
		expect(formatExpression(expr, (id) => (id === 'kurs' ? 'Kurs mit mind. 8 Terminen' : id))).toBe(
			'1.3 ODER (1.3.1 UND Kurs mit mind. 8 Terminen)'
		);
		expect(formatExpression({ und: [{ oder: ['a', 'b'] }, 'c'] })).toBe('(a ODER b) UND c');
		expect(formatExpression('a')).toBe('a');
	});

	it('holds by either ODER branch and needs every UND part', () => {
		expect(holds(expr, met('1.3'))).toBe(true);
		expect(holds(expr, met('1.3.1'))).toBe(false);
		expect(holds(expr, met('1.3.1', 'kurs'))).toBe(true);
	});

	it('takes the branch with the fewest missing parts, the first on a tie', () => {
		expect(cheapestMissing(expr, met())).toEqual(['1.3']);
		expect(cheapestMissing(expr, met('1.3.1'))).toEqual(['1.3']);
		expect(cheapestMissing({ oder: [{ und: ['a', 'b'] }, 'c'] }, met('a'))).toEqual(['b']);
		expect(cheapestMissing(expr, met('1.3'))).toEqual([]);
		// A part named twice is needed once.
		expect(cheapestMissing({ und: ['a', { oder: ['a', 'b'] }] }, met())).toEqual(['a']);
		expect(partIds({ und: ['a', { oder: ['a', 'b'] }] })).toEqual(['a', 'b']);
	});
});
