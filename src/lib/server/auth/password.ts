import { hash, verify } from '@node-rs/argon2';

// The library's defaults are argon2id with 19 MiB and 2 passes, as OWASP recommends.
export function hashPassword(password: string): Promise<string> {
	return hash(password);
}

let dummyHash: Promise<string> | undefined;

/**
 * True if the password matches. Without a stored hash (unknown user, no password set yet) it still
 * does the work of one verification, so the answer's timing does not reveal which emails exist.
 */
export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
	if (storedHash === null) {
		dummyHash ??= hash('timing-equaliser-not-a-password');
		await verify(await dummyHash, password).catch(() => false);
		return false;
	}
	try {
		return await verify(storedHash, password);
	} catch {
		return false;
	}
}
