import { formatDateDe, type LocalDate } from '../../dates';
import { isInPeriod, type ReviewPeriod } from '../../periods';
import { childminderArrangementKindLabels, childminderContactKindLabels } from '../childminding';
import type { ChildminderArrangement, ChildminderContact } from '../childminding';
import { preventionOfferKindLabels, preventionPhaseLabels } from '../common';
import {
	familyEducationKindLabels,
	offerLocationLabels,
	type FamilyEducationOffer
} from '../familyEducation';
import {
	officeHourPlaceLabels,
	officeHourTopicLabels,
	weekdayLabels,
	type OfficeHourPlan,
	type OfficeHourSession
} from '../officeHours';
import { partnerKindLabels, type CooperationPartner } from '../partners';
import {
	preventionNetworkKindLabels,
	preventionRoleLabels,
	type PreventionOffer,
	type PreventionProfile
} from '../prevention';
import { agreementStatus, agreementStatusLabels } from '../summaries/agreements';
import { overlapsPeriod } from '../summaries/period';
import { toCsv } from './csv';

/** Each register as a CSV file with German headers and dates as dd.MM.yyyy. */

function date(d: LocalDate | null): string {
	return d === null ? '' : formatDateDe(d);
}

function byDate<T extends { date: LocalDate }>(a: T, b: T): number {
	return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

function live<T extends { deleted: boolean }>(records: readonly T[]): T[] {
	return records.filter((r) => !r.deleted);
}

/** "Montag 14:00–16:00, Erziehungsberatungsstelle Nord" */
export function officeHourPlanLabel(plan: OfficeHourPlan): string {
	return `${weekdayLabels[plan.weekday]} ${plan.startTime}–${plan.endTime}, ${plan.counsellingService}`;
}

export function officeHourSessionsCsv(
	sessions: readonly OfficeHourSession[],
	plans: readonly OfficeHourPlan[],
	period: ReviewPeriod | null
): string {
	const planById = new Map(plans.map((p) => [p.id, p]));
	const rows = live(sessions)
		.filter((s) => period === null || isInPeriod(s.date, period))
		.sort(byDate)
		.map((s) => {
			const plan = s.planId ? planById.get(s.planId) : undefined;
			return [
				date(s.date),
				s.durationMinutes,
				s.contacts,
				officeHourTopicLabels[s.topic],
				plan ? officeHourPlanLabel(plan) : 'Zusätzlicher Termin'
			];
		});
	return toCsv(['Datum', 'Dauer (Minuten)', 'Kontakte', 'Thema', 'Sprechstunde laut Plan'], rows);
}

export function officeHourPlansCsv(plans: readonly OfficeHourPlan[]): string {
	const rows = live(plans).map((p) => [
		weekdayLabels[p.weekday],
		p.startTime,
		p.endTime,
		p.counsellingService,
		officeHourPlaceLabels[p.place],
		date(p.validFrom),
		date(p.validTo)
	]);
	return toCsv(['Wochentag', 'Beginn', 'Ende', 'Beratungsstelle', 'Ort', 'Gültig ab', 'Gültig bis'], rows);
}

export function familyEducationCsv(
	offers: readonly FamilyEducationOffer[],
	partners: readonly CooperationPartner[],
	period: ReviewPeriod | null
): string {
	const partnerName = new Map(partners.map((p) => [p.id, p.name]));
	const rows = [];
	for (const o of live(offers)) {
		const sessions = o.sessions.filter((s) => period === null || isInPeriod(s.date, period)).sort(byDate);
		if (sessions.length === 0) continue;
		rows.push({
			first: sessions[0].date,
			cells: [
				o.title,
				familyEducationKindLabels[o.kind],
				o.partnerId ? (partnerName.get(o.partnerId) ?? '') : '',
				o.targetGroup,
				o.languages.join(', '),
				o.free,
				offerLocationLabels[o.location],
				o.phases.map((ph) => preventionPhaseLabels[ph]).join(', '),
				sessions.length,
				sessions.reduce((sum, s) => sum + s.participants, 0),
				date(sessions[0].date),
				date(sessions[sessions.length - 1].date),
				sessions.map((s) => `${date(s.date)} (${s.participants})`).join(', ')
			]
		});
	}
	rows.sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
	return toCsv(
		[
			'Titel',
			'Art',
			'Kooperationspartner',
			'Zielgruppe',
			'Sprachen',
			'Kostenfrei',
			'Ort',
			'Phasen der Präventionskette',
			'Termine',
			'Teilnehmende gesamt',
			'Erster Termin',
			'Letzter Termin',
			'Termine (Teilnehmende)'
		],
		rows.map((r) => r.cells)
	);
}

export function childminderContactsCsv(
	contacts: readonly ChildminderContact[],
	period: ReviewPeriod | null
): string {
	const rows = live(contacts)
		.filter((c) => period === null || isInPeriod(c.date, period))
		.sort(byDate)
		.map((c) => [date(c.date), childminderContactKindLabels[c.kind], c.count]);
	return toCsv(['Datum', 'Art', 'Anzahl'], rows);
}

export function childminderArrangementsCsv(
	arrangements: readonly ChildminderArrangement[],
	period: ReviewPeriod | null
): string {
	const rows = live(arrangements)
		.filter((a) => period === null || overlapsPeriod(a.validFrom, a.validTo, period))
		.map((a) => [
			childminderArrangementKindLabels[a.kind],
			a.label,
			a.description,
			date(a.validFrom),
			date(a.validTo)
		]);
	return toCsv(['Art', 'Bezeichnung', 'Beschreibung', 'Von', 'Bis'], rows);
}

export function partnersCsv(
	partners: readonly CooperationPartner[],
	today: LocalDate,
	sealValidUntil: LocalDate | null
): string {
	const rows = live(partners).map((p) => [
		p.name,
		partnerKindLabels[p.kind],
		p.contactRole,
		date(p.agreement?.signedOn ?? null),
		p.agreement ? (p.agreement.validUntil ? date(p.agreement.validUntil) : 'unbefristet') : '',
		agreementStatusLabels[agreementStatus(p.agreement, today, sealValidUntil)],
		p.agreement?.attachment?.fileName ?? ''
	]);
	return toCsv(
		[
			'Organisation',
			'Art',
			'Ansprechrolle',
			'Vereinbarung unterschrieben am',
			'Gültig bis',
			'Status',
			'Datei'
		],
		rows
	);
}

export function preventionCsv(
	profile: PreventionProfile | null,
	offers: readonly PreventionOffer[],
	period: ReviewPeriod | null
): string {
	const network = profile && !profile.deleted ? profile : null;
	const rows = live(offers)
		.filter((o) => period === null || overlapsPeriod(o.validFrom, o.validTo, period))
		.map((o) => [
			o.title,
			o.phases.map((ph) => preventionPhaseLabels[ph]).join(', '),
			o.offerKinds.map((k) => preventionOfferKindLabels[k]).join(', '),
			o.description,
			date(o.validFrom),
			date(o.validTo),
			network?.networkName ?? '',
			network ? preventionNetworkKindLabels[network.networkKind] : '',
			network ? preventionRoleLabels[network.role] : ''
		]);
	return toCsv(
		[
			'Angebot',
			'Phasen der Präventionskette',
			'Art des Angebots',
			'Beschreibung',
			'Von',
			'Bis',
			'Netzwerk / Programm',
			'Art des Netzwerks',
			'Rolle des Familienzentrums'
		],
		rows
	);
}

/** e.g. "sprechstunden-kj-2025.csv" */
export function csvFileName(register: string, period: ReviewPeriod | null): string {
	return period ? `${register}-${period.key}.csv` : `${register}.csv`;
}
