import { afterEach, describe, expect, it } from 'vitest';
import { clearCachedSession, writeCachedSession } from '$lib/client/services/session/sessionCache';
import type { SessionResponse } from '$lib/domain/accounts';
import { mayHaveCachedSession } from './firstPaint';

afterEach(() => {
	clearCachedSession();
});

describe('the first paint', () => {
	it('knows whether someone is signed in on this device without loading the session', () => {
		expect(mayHaveCachedSession()).toBe(false);
		writeCachedSession({
			user: { id: 'lea', displayName: 'Lea Leitung', role: 'leitung', facilities: [] },
			expiresAt: '2026-12-01T00:00:00.000Z'
		} as unknown as SessionResponse);
		expect(mayHaveCachedSession()).toBe(true);
		clearCachedSession();
		expect(mayHaveCachedSession()).toBe(false);
	});
});
