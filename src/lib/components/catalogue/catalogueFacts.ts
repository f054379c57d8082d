import type { Catalogue, ReviewPeriodKind } from '$lib/domain/catalogue/schema';

/** Short German facts about a catalogue for previews and lists, e.g. „80 Kriterien (42 Basis, 38 Aufbau)“. */

const reviewPeriodLabels: Record<ReviewPeriodKind, string> = {
	kindergartenjahr: 'Kindergartenjahr (1. August bis 31. Juli)',
	kalenderjahr: 'Kalenderjahr'
};

function count(n: number, one: string, many: string): string {
	return `${n} ${n === 1 ? one : many}`;
}

export function areaFacts(catalogue: Catalogue): string {
	const of = (kind: string) => catalogue.areas.filter((a) => a.kind === kind).length;
	return [
		count(of('leistung'), 'Leistungsbereich', 'Leistungsbereiche'),
		count(of('struktur'), 'Strukturbereich', 'Strukturbereiche'),
		count(of('profil'), 'Profilbereich', 'Profilbereiche')
	].join(', ');
}

export function criterionFacts(catalogue: Catalogue): string {
	const basis = catalogue.criteria.filter((c) => c.level === 'basis').length;
	const aufbau = catalogue.criteria.length - basis;
	return `${count(catalogue.criteria.length, 'Kriterium', 'Kriterien')} (${basis} Basis, ${aufbau} Aufbau)`;
}

export function reviewPeriodFact(catalogue: Catalogue): string {
	return reviewPeriodLabels[catalogue.reviewPeriod];
}

/** `2026-08-01` → `1.8.2026`; ISO timestamps → the local calendar day. */
export function germanDate(iso: string): string {
	const date = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00`) : new Date(iso);
	return date.toLocaleDateString('de-DE');
}
