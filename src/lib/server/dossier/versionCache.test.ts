import { describe, expect, it } from 'vitest';
import type { DossierSummary } from '$lib/domain/dossier/versions';
import { VersionCache, type StoredVersion } from './versionCache';

function version(id: string, chars: number): StoredVersion {
	return { summary: { id, facilityId: 'kita-a' } as DossierSummary, json: 'x'.repeat(chars) };
}

describe('the versions kept in memory', () => {
	it('drops the version read least recently once the kept text passes the limit', () => {
		const cache = new VersionCache(30);
		cache.set('a', version('a', 10));
		cache.set('b', version('b', 10));
		cache.set('c', version('c', 10));
		expect(cache.get('a')?.summary.id).toBe('a'); // read now: b is the oldest
		cache.set('d', version('d', 10));
		expect(cache.get('b')).toBeUndefined();
		expect(['a', 'c', 'd'].map((id) => cache.get(id)?.summary.id)).toEqual(['a', 'c', 'd']);
		expect(cache.size).toBe(3);
	});

	it('keeps no version larger than the whole limit and counts a version set twice once', () => {
		const cache = new VersionCache(30);
		cache.set('huge', version('huge', 31));
		expect(cache.get('huge')).toBeUndefined();
		cache.set('a', version('a', 20));
		cache.set('a', version('a', 20));
		cache.set('b', version('b', 10));
		expect(cache.size).toBe(2);
	});
});
