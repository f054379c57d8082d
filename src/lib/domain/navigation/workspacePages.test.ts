import { describe, expect, it } from 'vitest';
import { needsWorkspace } from './workspacePages';

describe('pages that wait for the device’s workspace', () => {
	it('are the Kita’s pages, not the advisor’s, which show what the server sends', () => {
		for (const path of ['/', '/kriterien/1.1', '/mappe', '/einstellungen', '/beratungsstellen']) {
			expect(needsWorkspace(path), path).toBe(true);
		}
		for (const path of ['/beratung', '/beratung/kita-a', '/beratung/kita-a/mappe/d-1']) {
			expect(needsWorkspace(path), path).toBe(false);
		}
	});

	it('reads the path after the base path', () => {
		expect(needsWorkspace('/app/beratung/kita-a', '/app')).toBe(false);
		expect(needsWorkspace('/beratung', '/app')).toBe(true);
	});
});
