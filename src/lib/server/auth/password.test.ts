import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
	it('hashes with argon2id and a random salt', async () => {
		const first = await hashPassword('Sonnenblume-2026');
		const second = await hashPassword('Sonnenblume-2026');
		expect(first).toMatch(/^\$argon2id\$/);
		expect(first).not.toBe(second);
	});

	it('verifies the right password and refuses a wrong one', async () => {
		const hash = await hashPassword('Sonnenblume-2026');
		expect(await verifyPassword(hash, 'Sonnenblume-2026')).toBe(true);
		expect(await verifyPassword(hash, 'sonnenblume-2026')).toBe(false);
	});

	it('refuses any password when no hash is stored yet, or the hash is broken', async () => {
		expect(await verifyPassword(null, 'irgendwas')).toBe(false);
		expect(await verifyPassword('kein-hash', 'irgendwas')).toBe(false);
	});
});
