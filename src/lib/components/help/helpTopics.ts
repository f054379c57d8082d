import { resolve } from '$app/paths';
import type { ResolvedPathname } from '$app/types';

/** One help page: an area of the app, explained for a Kita-Leitung (or, `advisor`, a Fachberatung). */
export interface HelpTopic {
	id: HelpTopicId;
	href: ResolvedPathname;
	title: string;
	/** One sentence for the help index: what the page answers. */
	summary: string;
	/** Written for the Fachberatung rather than the Kita. */
	advisor?: boolean;
}

export type HelpTopicId =
	| 'uebersicht'
	| 'kriterien'
	| 'register'
	| 'termine'
	| 'mappe'
	| 'offline'
	| 'sicherung'
	| 'team'
	| 'beratung';

/** The help pages in the order of the index; each app page links its topic (HelpLink). */
export const helpTopics: readonly HelpTopic[] = [
	{
		id: 'uebersicht',
		href: resolve('/hilfe/uebersicht'),
		title: 'Übersicht & Stand',
		summary: 'Ob Ihr Familienzentrum das Gütesiegel heute bekäme und was noch fehlt.'
	},
	{
		id: 'kriterien',
		href: resolve('/hilfe/kriterien'),
		title: 'Kriterien & Nachweise',
		summary: 'Ein Kriterium abhaken, Fotos, PDFs und Notizen als Nachweis ablegen.'
	},
	{
		id: 'register',
		href: resolve('/hilfe/register'),
		title: 'Register',
		summary: 'Sprechstunden, Kurse, Kindertagespflege und Partner laufend eintragen.'
	},
	{
		id: 'termine',
		href: resolve('/hilfe/termine'),
		title: 'Termine & Runden',
		summary: 'Fristen im Blick behalten und eine Zertifizierungsrunde anlegen.'
	},
	{
		id: 'mappe',
		href: resolve('/hilfe/mappe'),
		title: 'Mappe & Abgabe',
		summary: 'Die Mappe für die Fachberatung abgeben und für den Upload herunterladen.'
	},
	{
		id: 'offline',
		href: resolve('/hilfe/offline'),
		title: 'Synchronisieren & offline arbeiten',
		summary: 'Ohne WLAN arbeiten und später alles zum Server bringen.'
	},
	{
		id: 'sicherung',
		href: resolve('/hilfe/sicherung'),
		title: 'Sicherung',
		summary: 'Alle Daten des Tablets in einer Datei sichern und wieder einlesen.'
	},
	{
		id: 'team',
		href: resolve('/hilfe/team'),
		title: 'Team & Geräte',
		summary: 'Kolleginnen einladen und mehrere Tablets gemeinsam nutzen.'
	},
	{
		id: 'beratung',
		href: resolve('/hilfe/beratung'),
		title: 'Zentren prüfen & Rückmeldungen',
		summary: 'Für die Fachberatung: abgegebene Mappen prüfen und Rückmeldung geben.',
		advisor: true
	}
];

export function helpTopic(id: HelpTopicId): HelpTopic {
	const topic = helpTopics.find((t) => t.id === id);
	if (!topic) throw new Error(`Unknown help topic ${id}`);
	return topic;
}
