import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: for session cookies and one-time links. */
export function newToken(): string {
	return randomBytes(32).toString('base64url');
}

/** Tokens are stored only as their hash, so reading the database does not let anyone log in. */
export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}
