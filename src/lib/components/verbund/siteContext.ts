import { getContext, setContext } from 'svelte';
import { workspace } from '$lib/client/state/workspace.svelte';
import { isVerbund, sitesOf, type Site } from '$lib/domain/verbund';

/**
 * Which sites the forms and lists offer. A page (or a test) may provide them; otherwise they come
 * from the open workspace's facility profile. Empty unless the facility is a Verbund, so every site
 * control stays hidden for a single centre.
 */
const SITES = Symbol('verbund-sites');

export type SitesSource = () => readonly Site[];

export function provideSites(sites: SitesSource): void {
	setContext(SITES, sites);
}

/** Call during component initialisation; read the returned function where it should be reactive. */
export function useSites(): SitesSource {
	return getContext<SitesSource | undefined>(SITES) ?? workspaceSites;
}

function workspaceSites(): readonly Site[] {
	const facility = workspace.facility;
	return facility && isVerbund(facility) ? sitesOf(facility) : [];
}

/**
 * What the register section tells the form it renders: whether its entries may belong to a site
 * (their schema has `siteId`) and the site of the entry being edited.
 */
const ENTRY_SITE = Symbol('verbund-entry-site');

export interface EntrySite {
	siteable: boolean;
	/** The edited entry's site; null for a new entry or a joint one. */
	current: () => string | null;
}

export function provideEntrySite(entrySite: EntrySite): void {
	setContext(ENTRY_SITE, entrySite);
}

export function useEntrySite(): EntrySite | undefined {
	return getContext<EntrySite | undefined>(ENTRY_SITE);
}

/** Whether a register's form schema has a `siteId` field (an object schema's shape names it). */
export function hasSiteField(schema: unknown): boolean {
	const shape = (schema as { shape?: unknown } | null)?.shape;
	return typeof shape === 'object' && shape !== null && 'siteId' in shape;
}
