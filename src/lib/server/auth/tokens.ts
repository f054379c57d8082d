import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: for session cookies and one-time links. */
export function newToken(): string {
	return randomBytes(32).toString('base64url');
}

/** Tokens are stored only as their hash, so reading the database does not let anyone log in. */
export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

export const SET_PASSWORD_PATH = '/passwort-setzen';

/** The one-time link for a token: on the configured public origin, else the request's. */
export function setPasswordUrl(
	token: string,
	configuredOrigin: string | null,
	requestOrigin: string
): string {
	const url = new URL(SET_PASSWORD_PATH, configuredOrigin ?? requestOrigin);
	url.searchParams.set('token', token);
	return url.toString();
}
