import { resolve } from '$app/paths';
import type { ResolvedPathname } from '$app/types';
import type { Role } from '$lib/domain/accounts';

/** The app's main sections, in the order of the tab bar. */
export interface NavItem {
	href: ResolvedPathname;
	/** May contain soft hyphens (\u00AD) so long words break cleanly in the narrow tab bar. */
	label: string;
	icon: 'overview' | 'reminders' | 'criteria' | 'register' | 'facility' | 'settings';
	/** Other sections (path prefixes, without base path) that belong to this tab. */
	alsoActiveFor?: string[];
}

/** The Kita's own sections: what a team member or Leitung (or anyone not signed in) works in. */
export const navItems: NavItem[] = [
	{ href: resolve('/'), label: 'Übersicht', icon: 'overview' },
	{ href: resolve('/kalender'), label: 'Termine', icon: 'reminders' },
	{ href: resolve('/kriterien'), label: 'Kriterien', icon: 'criteria', alsoActiveFor: ['/bereiche'] },
	{ href: resolve('/register'), label: 'Register', icon: 'register' },
	{ href: resolve('/einrichtung'), label: 'Ein\u00ADrichtung', icon: 'facility', alsoActiveFor: ['/runden'] },
	{ href: resolve('/einstellungen'), label: 'Ein\u00ADstellungen', icon: 'settings' }
];

/**
 * The sections for the signed-in role. An advisor reviews the centres assigned to her and an admin
 * runs the deployment; neither edits a centre's own data, so neither gets the Kita's tabs.
 */
export function navItemsFor(role: Role | null | undefined): NavItem[] {
	const settings = navItems[navItems.length - 1];
	if (role === 'fachberatung') {
		return [{ href: resolve('/beratung'), label: 'Meine Zentren', icon: 'overview' }, settings];
	}
	if (role === 'admin') {
		return [{ href: resolve('/admin'), label: 'Adminis\u00ADtration', icon: 'facility' }, settings];
	}
	return navItems;
}

/** Help and the legal pages, linked from the menu on every page (whoever is signed in, or nobody). */
export interface InfoLink {
	href: ResolvedPathname;
	label: string;
}

export const infoLinks: InfoLink[] = [
	{ href: resolve('/hilfe'), label: 'Hilfe' },
	{ href: resolve('/hilfe/leichte-sprache'), label: 'Leichte Sprache' },
	{ href: resolve('/barrierefreiheit'), label: 'Barrierefreiheit' },
	{ href: resolve('/impressum'), label: 'Impressum' },
	{ href: resolve('/datenschutz'), label: 'Datenschutz' }
];

function under(pathname: string, prefix: string): boolean {
	return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

/** Whether `pathname` (as in `page.url.pathname`) lies in the tab's section. */
export function isActive(item: NavItem, pathname: string): boolean {
	if (item.href === resolve('/')) return pathname === item.href;
	return [item.href, ...(item.alsoActiveFor ?? []).map((p) => `${resolve('/')}${p.slice(1)}`)].some(
		(prefix) => under(pathname, prefix)
	);
}
