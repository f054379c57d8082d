import { plural } from '$lib/domain/plural';
import { formatDateDe, type LocalDate } from '../dates';
import { reviewPeriodFor, type ReviewPeriod } from '../periods';
import type { ReviewPeriodKind } from '../catalogue/schema';
import { childminderArrangementKindLabels, childminderContactKindLabels } from './childminding';
import type { CitableRegisterTable } from './citations';
import { familyEducationKindLabels } from './familyEducation';
import { officeHourPlaceLabels, officeHourTopicLabels, weekdayLabels } from './officeHours';
import { partnerKindLabels } from './partners';
import { preventionNetworkKindLabels, preventionRoleLabels } from './prevention';
import { qualificationKindLabels } from './qualifications';
import type { RegisterData } from './registerData';
import { preventionPhaseLabels, type WrittenAgreement } from './common';

/** A register entry as a criterion lists and picks it. */
export interface CitableEntry {
	table: CitableRegisterTable;
	id: string;
	/** One line naming the entry, e.g. the course title or "Sprechstunde am 03.03.2026". */
	title: string;
	/** Its key facts in one line. */
	detail: string;
	/** The day the entry is about (first session, contact date, start): orders lists, picks the period of a link. */
	date: LocalDate;
}

export const citableRegisterLabels: Record<CitableRegisterTable, string> = {
	officeHourPlans: 'Sprechstunden – Plan',
	officeHourSessions: 'Sprechstunden – gehaltene Termine',
	familyEducationOffers: 'Familienbildung',
	childminderContacts: 'Kindertagespflege – Kontakte',
	childminderArrangements: 'Kindertagespflege – Vereinbarungen',
	cooperationPartners: 'Kooperationspartner',
	preventionProfiles: 'Prävention – Vereinbarung mit der Kommune',
	preventionOffers: 'Prävention – Angebote',
	qualifications: 'Qualifikationen des Teams'
};

/** The register page of each table. */
export const citableRegisterPaths = {
	officeHourPlans: '/register/sprechstunden',
	officeHourSessions: '/register/sprechstunden',
	familyEducationOffers: '/register/familienbildung',
	childminderContacts: '/register/kindertagespflege',
	childminderArrangements: '/register/kindertagespflege',
	cooperationPartners: '/register/partner',
	preventionProfiles: '/register/praevention',
	preventionOffers: '/register/praevention',
	qualifications: '/register/qualifikationen'
} as const satisfies Record<CitableRegisterTable, `/register/${string}`>;

/** Registers whose page shows one review period at a time; a link opens the entry's period. */
const periodPages = new Set<CitableRegisterTable>([
	'officeHourSessions',
	'familyEducationOffers',
	'childminderContacts'
]);

type RegisterPath = (typeof citableRegisterPaths)[CitableRegisterTable];

/** The register page of an entry with the period it falls in (where the page has periods). */
export function citableEntryLink(
	entry: CitableEntry,
	kind: ReviewPeriodKind
): RegisterPath | `${RegisterPath}?zeitraum=${string}` {
	const path = citableRegisterPaths[entry.table];
	if (!periodPages.has(entry.table)) return path;
	const period: ReviewPeriod = reviewPeriodFor(kind, entry.date);
	return `${path}?zeitraum=${period.key}`;
}

const number = new Intl.NumberFormat('de-DE');

function range(from: LocalDate, to: LocalDate | null): string {
	return to === null ? `ab ${formatDateDe(from)}` : `${formatDateDe(from)} – ${formatDateDe(to)}`;
}

function agreementText(a: WrittenAgreement | null): string {
	if (!a) return 'ohne schriftliche Vereinbarung';
	const until = a.validUntil ? `gültig bis ${formatDateDe(a.validUntil)}` : 'unbefristet';
	return `Vereinbarung vom ${formatDateDe(a.signedOn)}, ${until}`;
}

/** Every live entry of one register as it can be cited, newest first. */
export function citableEntries(data: RegisterData, table: CitableRegisterTable): CitableEntry[] {
	const entries = describeTable(data, table);
	return entries.sort((a, b) =>
		a.date < b.date ? 1 : a.date > b.date ? -1 : a.title.localeCompare(b.title, 'de')
	);
}

function describeTable(data: RegisterData, table: CitableRegisterTable): CitableEntry[] {
	const entry = (id: string, title: string, detail: string, date: LocalDate): CitableEntry => ({
		table,
		id,
		title,
		detail,
		date
	});
	switch (table) {
		case 'officeHourPlans':
			return data.officeHourPlans.map((p) =>
				entry(
					p.id,
					`${weekdayLabels[p.weekday]} ${p.startTime}–${p.endTime} Uhr, ${p.counsellingService}`,
					`${officeHourPlaceLabels[p.place]} · ${range(p.validFrom, p.validTo)}`,
					p.validFrom
				)
			);
		case 'officeHourSessions':
			return data.officeHourSessions.map((s) =>
				entry(
					s.id,
					`Sprechstunde am ${formatDateDe(s.date)}`,
					`${plural(s.durationMinutes, 'Minute', 'Minuten')} · ${plural(s.contacts, 'Kontakt', 'Kontakte')} · ${officeHourTopicLabels[s.topic]}`,
					s.date
				)
			);
		case 'familyEducationOffers':
			return data.familyEducationOffers.map((o) => {
				const dates = o.sessions.map((s) => s.date).sort();
				const first = dates[0] ?? '';
				const last = dates[dates.length - 1] ?? first;
				const participants = o.sessions.reduce((sum, s) => sum + s.participants, 0);
				const when =
					dates.length > 1 ? `${formatDateDe(first)} – ${formatDateDe(last)}` : formatDateDe(first);
				return entry(
					o.id,
					o.title,
					`${familyEducationKindLabels[o.kind]} · ${dates.length === 1 ? '1 Termin' : `${dates.length} Termine`} (${when}) · ${number.format(participants)} Teilnahmen`,
					first
				);
			});
		case 'childminderContacts':
			return data.childminderContacts.map((c) =>
				entry(
					c.id,
					`${childminderContactKindLabels[c.kind]} am ${formatDateDe(c.date)}`,
					c.count === 1 ? '1 Kontakt' : `${number.format(c.count)} Kontakte`,
					c.date
				)
			);
		case 'childminderArrangements':
			return data.childminderArrangements.map((a) =>
				entry(
					a.id,
					a.label,
					`${childminderArrangementKindLabels[a.kind]} · ${range(a.validFrom, a.validTo)}`,
					a.validFrom
				)
			);
		case 'cooperationPartners':
			return data.partners.map((p) =>
				entry(
					p.id,
					p.name,
					`${partnerKindLabels[p.kind]} · ${agreementText(p.agreement)}`,
					p.agreement?.signedOn ?? p.createdAt.slice(0, 10)
				)
			);
		case 'preventionProfiles': {
			const p = data.preventionProfile;
			if (!p) return [];
			return [
				entry(
					p.id,
					p.networkName,
					`${preventionNetworkKindLabels[p.networkKind]} · ${preventionRoleLabels[p.role]} · ${agreementText(p.agreement)}`,
					p.agreement?.signedOn ?? p.createdAt.slice(0, 10)
				)
			];
		}
		case 'preventionOffers':
			return data.preventionOffers.map((o) =>
				entry(
					o.id,
					o.title,
					`${o.phases.map((ph) => preventionPhaseLabels[ph]).join(', ')} · ${range(o.validFrom, o.validTo)}`,
					o.validFrom
				)
			);
		case 'qualifications':
			return data.qualifications.map((q) =>
				entry(
					q.id,
					q.title,
					`${qualificationKindLabels[q.kind]} · ${q.holder} · ${number.format(q.hours)} ${q.hours === 1 ? 'Stunde' : 'Stunden'} · ${q.startDate === q.endDate ? formatDateDe(q.startDate) : range(q.startDate, q.endDate)}`,
					q.endDate
				)
			);
	}
}

/** Looks entries up by table and id, built once per change of the registers. */
export function citableEntryIndex(
	data: RegisterData
): (table: CitableRegisterTable, id: string) => CitableEntry | null {
	const cache = new Map<CitableRegisterTable, Map<string, CitableEntry>>();
	return (table, id) => {
		let byId = cache.get(table);
		if (!byId) {
			byId = new Map(describeTable(data, table).map((e) => [e.id, e]));
			cache.set(table, byId);
		}
		const found = byId.get(id);
		if (found) return found;
		// One prevention profile per facility: a citation keeps pointing at it even when the profile's
		// id followed the facility (e.g. work adopted from before signing in).
		return table === 'preventionProfiles' ? (byId.values().next().value ?? null) : null;
	};
}
