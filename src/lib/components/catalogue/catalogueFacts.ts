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

/**
 * What format 2 adds, e.g. „4 Blöcke, 6 Unterpunkte, 11 Schwellenwerte, 4 Kriterien nur in
 * bestimmten Fragebögen“; null when the catalogue uses none of it.
 */
export function structureFacts(catalogue: Catalogue): string | null {
	const blocks = catalogue.areas.reduce((n, a) => n + (a.blocks ?? []).length, 0);
	const items = catalogue.criteria.reduce((n, c) => n + (c.items ?? []).length, 0);
	const thresholds = catalogue.criteria.reduce((n, c) => n + (c.thresholds ?? []).length, 0);
	const variant = catalogue.criteria.filter((c) => c.appliesTo).length;
	const perSite = catalogue.criteria.filter((c) => c.perSite).length;
	const facts = [
		blocks > 0 ? count(blocks, 'Block', 'Blöcke') : '',
		items > 0 ? count(items, 'Unterpunkt', 'Unterpunkte') : '',
		thresholds > 0 ? count(thresholds, 'Schwellenwert', 'Schwellenwerte') : '',
		variant > 0 ? `${count(variant, 'Kriterium', 'Kriterien')} nur in bestimmten Fragebögen` : '',
		perSite > 0 ? `${count(perSite, 'Kriterium', 'Kriterien')} je Standort im Verbund` : ''
	].filter((f) => f !== '');
	return facts.length > 0 ? facts.join(', ') : null;
}

export function reviewPeriodFact(catalogue: Catalogue): string {
	return reviewPeriodLabels[catalogue.reviewPeriod];
}

/** `2026-08-01` → `1.8.2026`; ISO timestamps → the local calendar day. */
export function germanDate(iso: string): string {
	const date = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00`) : new Date(iso);
	return date.toLocaleDateString('de-DE');
}
