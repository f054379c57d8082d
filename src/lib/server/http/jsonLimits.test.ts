import { describe, expect, it } from 'vitest';
import { jsonTextProblem, readLimitedText } from './jsonLimits';

describe('JSON text limits', () => {
	it('measures nesting without counting brackets inside strings', () => {
		expect(jsonTextProblem('[[[1]]]', 3)).toBeNull();
		expect(jsonTextProblem('[[[[1]]]]', 3)).toBe('too_deep');
		expect(jsonTextProblem('{"a":"[[[[[[["}', 2)).toBeNull();
		expect(jsonTextProblem('[{"a":[1]},{"b":[2]},{"c":[3]}]', 3)).toBeNull();
		expect(jsonTextProblem('"\\"[[[[["', 1)).toBeNull();
	});

	it('finds a NUL in strings and keys, escaped, but not an escaped backslash before u0000', () => {
		expect(jsonTextProblem('{"note":"a\\u0000b"}')).toBe('nul');
		expect(jsonTextProblem('{"a\\u0000":1}')).toBe('nul');
		expect(jsonTextProblem('{"note":"a\\\\u0000b"}')).toBeNull();
		expect(jsonTextProblem('{"note":"a\\u0001b"}')).toBeNull();
	});

	it('reads a body up to the limit and refuses one beyond it', async () => {
		const request = (body: string, headers: Record<string, string> = {}) =>
			new Request('http://localhost/', { method: 'POST', body, headers });
		expect(await readLimitedText(request('äöü'), 6)).toBe('äöü');
		expect(await readLimitedText(request('äöü!'), 6)).toBeNull();
		expect(await readLimitedText(request('x', { 'content-length': '100' }), 6)).toBeNull();
	});
});
