import type { RequestEvent } from '@sveltejs/kit';
import { notFound } from './errors';

/** A route parameter that the route guarantees; a missing one is answered like an unknown id. */
export function param(event: RequestEvent, name: string): string {
	const value = (event.params as Record<string, string | undefined>)[name];
	if (!value) throw notFound();
	return value;
}
