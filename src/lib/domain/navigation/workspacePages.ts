/**
 * Which pages show the device's workspace (the centre's records in IndexedDB) and which only what
 * the server answers. The advisor's portfolio and reviews are of the second kind: they need not
 * wait until her workspace has been read, which on a laptop with many centres took longer than
 * their own request (tests/bench/portfolioRender.js, reviewRender.js).
 */

/** True unless the page (`page.url.pathname`, base path included) shows server data only. */
export function needsWorkspace(pathname: string, base = ''): boolean {
	const advisorPages = `${base}/beratung`;
	return !(pathname === advisorPages || pathname.startsWith(`${advisorPages}/`));
}
