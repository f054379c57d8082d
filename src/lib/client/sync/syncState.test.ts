import { describe, expect, it } from 'vitest';
import { deriveSyncState, describeSyncStatus } from './syncState';

const view = { pendingCount: 0, lastSyncedAt: null, error: null };

describe('the sync status line', () => {
	it('puts offline first, then syncing, a lost session, an error, waiting changes', () => {
		const facts = { online: true, syncing: false, needsLogin: false, error: null, pendingCount: 0 };
		expect(deriveSyncState({ ...facts, online: false, syncing: true })).toBe('offline');
		expect(deriveSyncState({ ...facts, syncing: true, needsLogin: true })).toBe('syncing');
		expect(deriveSyncState({ ...facts, needsLogin: true, error: 'x' })).toBe('needs-login');
		expect(deriveSyncState({ ...facts, error: 'x', pendingCount: 2 })).toBe('error');
		expect(deriveSyncState({ ...facts, pendingCount: 2 })).toBe('pending');
		expect(deriveSyncState(facts)).toBe('idle');
	});

	it('reads as the user expects', () => {
		const now = new Date('2026-11-23T14:30:00');
		expect(describeSyncStatus({ ...view, state: 'offline', pendingCount: 3 }, now)).toBe(
			'Offline – 3 Änderungen warten'
		);
		expect(describeSyncStatus({ ...view, state: 'offline' }, now)).toBe('Offline');
		expect(describeSyncStatus({ ...view, state: 'syncing' }, now)).toBe('Synchronisiere …');
		expect(describeSyncStatus({ ...view, state: 'needs-login' }, now)).toBe('Bitte erneut anmelden');
		expect(describeSyncStatus({ ...view, state: 'error', error: 'Server nicht erreichbar' }, now)).toBe(
			'Fehler: Server nicht erreichbar'
		);
		const today = new Date('2026-11-23T14:05:00').toISOString();
		expect(describeSyncStatus({ ...view, state: 'idle', lastSyncedAt: today }, now)).toBe(
			'Zuletzt synchronisiert 14:05'
		);
		const yesterday = new Date('2026-11-22T09:15:00').toISOString();
		expect(describeSyncStatus({ ...view, state: 'idle', lastSyncedAt: yesterday }, now)).toBe(
			'Zuletzt synchronisiert 22.11. 09:15'
		);
		expect(describeSyncStatus({ ...view, state: 'idle' }, now)).toBe('Noch nicht synchronisiert');
	});
});
