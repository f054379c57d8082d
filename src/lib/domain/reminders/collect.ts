import { daysBetween, formatDateDe, type LocalDate } from '../dates';
import { expiringEvidence, type ExpiringEvidenceInput } from '../deadlines';
import type { ChildminderArrangement } from '../registers/childminding';
import type { CooperationPartner } from '../registers/partners';
import type { PreventionProfile } from '../registers/prevention';
import { agreementStatus, expiringAgreements } from '../registers/summaries/agreements';
import { currentRound, roundPeriod } from '../rounds/current';
import { formatShortfall } from '../requirements/shortfallText';
import type { CertificationRound } from '../rounds/schema';
import type { Reminder, ReminderKind, ReminderLink, ThresholdShortfall, Urgency } from './types';

/** Within this many days (today included) a reminder is 'soon'. */
export const SOON_DAYS = 30;
/** Evidence is listed this far ahead, so the calendar shows what runs out before the next round. */
export const EVIDENCE_AHEAD_DAYS = 365;

export interface ReminderSources {
	rounds: readonly CertificationRound[];
	/** The facility profile's seal date (the seal in force). */
	sealValidUntil: LocalDate | null;
	partners: readonly CooperationPartner[];
	preventionProfile: PreventionProfile | null;
	childminderArrangements: readonly ChildminderArrangement[];
	evidence: readonly ExpiringEvidenceInput[];
	/** Thresholds not yet reached in the window containing today (from the readiness engine). */
	shortfalls: readonly ThresholdShortfall[];
}

export function urgencyOf(daysLeft: number): Urgency {
	if (daysLeft < 0) return 'overdue';
	return daysLeft <= SOON_DAYS ? 'soon' : 'later';
}

/** Order of kinds on the same day: the round's steps first, then what runs out, thresholds last. */
const KIND_ORDER: readonly ReminderKind[] = [
	'registration',
	'documentsDue',
	'periodStart',
	'siteVisit',
	'periodEnd',
	'sealExpiry',
	'agreement',
	'arrangement',
	'evidence',
	'threshold'
];

/**
 * Everything with a date the centre should act on: the current round's key dates, the seal's end,
 * agreements, childminding arrangements and evidence that end, and thresholds not yet reached in
 * the current window. Sorted by day, then kind, then title; one reminder per id and one per seal
 * date. A round date that has passed is history, not a task, so it is left out; an end date that
 * has passed stays (overdue) until the agreement or evidence is renewed.
 */
export function collectReminders(sources: ReminderSources, today: LocalDate): Reminder[] {
	const out: Reminder[] = [];
	const add = (r: Omit<Reminder, 'daysLeft' | 'urgency'>) => {
		const daysLeft = daysBetween(today, r.date);
		out.push({ ...r, daysLeft, urgency: urgencyOf(daysLeft) });
	};

	if (sources.sealValidUntil !== null)
		add(sealReminder('seal', sources.sealValidUntil, '', { to: 'facility' }));
	const round = currentRound(sources.rounds, today);
	if (round) collectRound(round, today, add);

	const agreementsData = {
		partners: sources.partners,
		preventionProfile: sources.preventionProfile,
		sealValidUntil: sources.sealValidUntil
	};
	for (const a of expiringAgreements(agreementsData, today)) {
		add({
			id: `agreement:${a.source}:${a.recordId}`,
			kind: 'agreement',
			date: a.validUntil,
			title: `Vereinbarung endet: ${a.title}`,
			detail: a.kindLabel,
			link: { to: 'register', segment: a.source === 'partner' ? 'partner' : 'praevention' }
		});
	}

	for (const a of sources.childminderArrangements) {
		if (a.deleted || a.validTo === null) continue;
		// The same rule as for written agreements: ended, ending within 90 days or before the seal.
		const agreement = { signedOn: a.validFrom, validUntil: a.validTo, attachment: null };
		const status = agreementStatus(agreement, today, sources.sealValidUntil);
		if (status === 'valid' || status === 'none') continue;
		add({
			id: `arrangement:${a.id}`,
			kind: 'arrangement',
			date: a.validTo,
			title: `Regelung endet: ${a.label}`,
			detail: 'Kindertagespflege',
			link: { to: 'register', segment: 'kindertagespflege' }
		});
	}

	const { expiringSoon, expired } = expiringEvidence(sources.evidence, today, EVIDENCE_AHEAD_DAYS);
	for (const e of [...expired, ...expiringSoon]) {
		const criterionId = e.criterionIds[0];
		add({
			id: `evidence:${e.id}`,
			kind: 'evidence',
			date: e.validUntil,
			title: `Nachweis läuft ab: ${e.title}`,
			detail: e.criterionIds.length > 0 ? `Kriterium ${e.criterionIds.join(', ')}` : 'ohne Kriterium',
			link: criterionId ? { to: 'criterion', criterionId } : { to: 'criteria' }
		});
	}

	for (const s of sources.shortfalls) add(shortfallReminder(s));

	return sortReminders(dedupe(out));
}

function collectRound(
	round: CertificationRound,
	today: LocalDate,
	add: (r: Omit<Reminder, 'daysLeft' | 'urgency'>) => void
): void {
	const label = roundPeriod(round).label;
	const name = round.kind === 're' ? 'Rezertifizierung' : 'Zertifizierung';
	const steps: [ReminderKind, LocalDate | null, string, string][] = [
		['registration', round.registrationDate, `Anmeldung zur ${name}`, 'bei der Zertifizierungsstelle'],
		['documentsDue', round.documentsDue, 'Unterlagen hochladen', `${name}, Frist der Zertifizierungsstelle`],
		['periodStart', round.periodStart, 'Prüfzeitraum beginnt', label],
		['periodEnd', round.periodEnd, 'Prüfzeitraum endet', label],
		['siteVisit', round.siteVisitDate, 'Besuch vor Ort', name]
	];
	for (const [kind, date, title, detail] of steps) {
		if (date === null || date < today) continue;
		add({ id: `round:${round.id}:${kind}`, kind, date, title, detail, link: { to: 'rounds' } });
	}
	if (round.sealValidUntil !== null)
		add(
			sealReminder(`round:${round.id}:sealExpiry`, round.sealValidUntil, `aus der ${name}, `, {
				to: 'rounds'
			})
		);
}

/** `from` tells the seal a round will award („aus der Rezertifizierung, “) from the one in force. */
function sealReminder(
	id: string,
	date: LocalDate,
	from: string,
	link: ReminderLink
): Omit<Reminder, 'daysLeft' | 'urgency'> {
	return {
		id,
		kind: 'sealExpiry',
		date,
		title: 'Gütesiegel läuft ab',
		detail: `${from}gültig bis ${formatDateDe(date)}`,
		link
	};
}

/** „in diesem Monat“, „in diesem Halbjahr“, „in diesem Prüfzeitraum“, read off the window's length. */
function shortfallReminder(s: ThresholdShortfall): Omit<Reminder, 'daysLeft' | 'urgency'> {
	return {
		id: `threshold:${s.criterionId}:${s.thresholdId}:${s.windowStart}:${s.siteName ?? ''}`,
		kind: 'threshold',
		date: s.windowEnd,
		windowStart: s.windowStart,
		title: formatShortfall(s),
		detail: `${s.label} · ${s.windowLabel}`,
		link: { to: 'criterion', criterionId: s.criterionId }
	};
}

/** One reminder per id, and one per seal date (profile and round often say the same day). */
function dedupe(reminders: readonly Reminder[]): Reminder[] {
	const seen = new Set<string>();
	return reminders.filter((r) => {
		const key = r.kind === 'sealExpiry' ? `seal@${r.date}` : r.id;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

export function sortReminders(reminders: Reminder[]): Reminder[] {
	return reminders.sort(
		(a, b) =>
			compare(a.date, b.date) ||
			KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
			a.title.localeCompare(b.title, 'de') ||
			compare(a.id, b.id)
	);
}
