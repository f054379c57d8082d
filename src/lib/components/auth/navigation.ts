import type { ResolvedPathname } from '$app/types';

/**
 * Where to go after logging in: only a path on this site, so a crafted `?next=https://…` or
 * `?next=//evil.example` cannot send the user elsewhere; otherwise `fallback`. `next` comes from a
 * page's own URL, which already carries any base path.
 */
export function safeNextPath(
	next: string | null | undefined,
	fallback = '/' as ResolvedPathname
): ResolvedPathname {
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
	return next as ResolvedPathname;
}
