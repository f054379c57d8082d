import { hasControlCharacter } from '$lib/domain/controlCharacters';
import type { RequestEvent } from '@sveltejs/kit';
import { notFound } from './errors';

/** Longest id of any kind (users, facilities, criteria, records). */
const MAX_ID_LENGTH = 120;

/**
 * A route parameter that the route guarantees; a missing one is answered like an unknown id, and so
 * is one that no id can be (too long, or with control characters, which PostgreSQL may refuse).
 */
export function param(event: RequestEvent, name: string): string {
	const value = (event.params as Record<string, string | undefined>)[name];
	if (!value || value.length > MAX_ID_LENGTH || hasControlCharacter(value)) throw notFound();
	return value;
}
