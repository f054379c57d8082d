import { plural } from '$lib/domain/plural';
import { crossCheckFormat2 } from './crossChecksFormat2';
import type { RoundForm, RoundKind } from './format2';
import type { Area, Catalogue, Criterion, OverallMinimum, ReviewPeriodKind, VersionMapping } from './schema';

/**
 * Checks across fields that a field-by-field schema cannot see: unique ids, criteria pointing at
 * existing areas and minimums that the criteria can actually reach. (Rule parameters are checked
 * by the rule schema itself, against the registers' enums.) Messages are German because they are shown to whoever transcribes a catalogue.
 *
 * The checks read a `CheckView`, which may have gaps (null) where an entry of a file is invalid, so
 * that the import can report these problems together with the field errors, in one pass. A check
 * that would need a missing piece is skipped rather than guessed.
 *
 * Overall minimums count the Leistungs- and Strukturbereiche only: a Profilbereich is chosen by the
 * centre and has its own minimum, so a catalogue must be passable without one.
 */

export interface CatalogueIssue {
	path: (string | number)[];
	message: string;
}

export interface CheckView {
	/** Per area: its id if that is a string, else null. */
	areaIds: (string | null)[];
	/** Per area: the area if it is valid as a whole, else null. */
	areas: (Area | null)[];
	criterionIds: (string | null)[];
	criterionAreaIds: (string | null)[];
	criteria: (Criterion | null)[];
	overallMinimum: OverallMinimum | null;
	/** Format 2: the catalogue's version, its mappings (null where one is invalid), the half-year split. */
	version?: string | null;
	mappings?: (VersionMapping | null)[] | null;
	reviewPeriod?: ReviewPeriodKind | null;
	secondHalfStarts?: string | null;
}

export function viewOfCatalogue(catalogue: Catalogue): CheckView {
	return {
		areaIds: catalogue.areas.map((a) => a.id),
		areas: catalogue.areas,
		criterionIds: catalogue.criteria.map((c) => c.id),
		criterionAreaIds: catalogue.criteria.map((c) => c.areaId),
		criteria: catalogue.criteria,
		overallMinimum: catalogue.overallMinimum,
		version: catalogue.version,
		mappings: catalogue.mappings ?? null,
		reviewPeriod: catalogue.reviewPeriod,
		secondHalfStarts: catalogue.secondHalfStarts ?? null
	};
}

const quoteList = (values: readonly string[]) => values.map((v) => `„${v}“`).join(', ');

function duplicateIds(ids: readonly (string | null)[], collection: 'areas' | 'criteria', noun: string) {
	const firstIndex = new Map<string, number>();
	const issues: CatalogueIssue[] = [];
	ids.forEach((id, index) => {
		if (id === null) return;
		const first = firstIndex.get(id);
		if (first === undefined) firstIndex.set(id, index);
		else
			issues.push({
				path: [collection, index, 'id'],
				message: `Die ID „${id}“ kommt mehrfach vor (schon bei ${noun} ${first + 1}). Jede ID darf nur einmal vergeben werden.`
			});
	});
	return issues;
}

const sumPoints = (criteria: readonly Criterion[]) => criteria.reduce((sum, c) => sum + c.points, 0);
const countBasis = (criteria: readonly Criterion[]) => criteria.filter((c) => c.level === 'basis').length;
const complete = <T>(items: readonly (T | null)[]): items is T[] => items.every((i) => i !== null);

function checkAreaReferences(view: CheckView): CatalogueIssue[] {
	// An area without a readable id might be the one a criterion means: then say nothing.
	if (!complete(view.areaIds) || view.areaIds.length === 0) return [];
	const known = new Set(view.areaIds);
	const issues: CatalogueIssue[] = [];
	view.criterionAreaIds.forEach((areaId, index) => {
		if (areaId !== null && !known.has(areaId))
			issues.push({
				path: ['criteria', index, 'areaId'],
				message: `Es gibt keinen Bereich mit der ID „${areaId}“. Vorhanden sind: ${quoteList([...known])}.`
			});
	});
	return issues;
}

/** A questionnaire: single centre or Verbund, first or re-certification. */
export interface Variant {
	form: RoundForm;
	kind: RoundKind;
}

export const variants: readonly Variant[] = [
	{ form: 'einzel', kind: 'neu' },
	{ form: 'einzel', kind: 're' },
	{ form: 'verbund', kind: 'neu' },
	{ form: 'verbund', kind: 're' }
];

export function variantLabel(variant: Variant): string {
	return `${variant.form === 'einzel' ? 'Einzeleinrichtung' : 'Verbund'} · ${variant.kind === 'neu' ? 'Erstzertifizierung' : 'Rezertifizierung'}`;
}

/** Whether the questionnaire of this variant asks the criterion. */
export function appliesToVariant(criterion: Criterion, variant: Variant): boolean {
	const { forms, kinds } = criterion.appliesTo ?? {};
	return (!forms || forms.includes(variant.form)) && (!kinds || kinds.includes(variant.kind));
}

function checkAreaMinimums(view: CheckView, variant?: Variant): CatalogueIssue[] {
	// A criterion whose area cannot be read could belong to any area.
	if (!complete(view.criterionAreaIds)) return [];
	const areaIdsOfCriteria = view.criterionAreaIds;
	const issues: CatalogueIssue[] = [];
	const seen = new Set<string>();
	const prefix = variant ? `Im Fragebogen „${variantLabel(variant)}“: ` : '';
	view.areaIds.forEach((id, index) => {
		// A duplicated area is reported once as a duplicate; checking it twice would only repeat that.
		if (id === null || seen.has(id)) return;
		seen.add(id);
		const inArea = view.criteria.filter((_, i) => areaIdsOfCriteria[i] === id);
		if (inArea.length === 0) {
			if (!variant)
				issues.push({
					path: ['areas', index],
					message: `Zum Bereich „${id}“ gehört kein einziges Kriterium. Jedes Kriterium nennt seinen Bereich im Feld „areaId“.`
				});
			return;
		}
		const area = view.areas[index];
		if (area === null || !complete(inArea)) return;
		const mine = variant ? inArea.filter((c) => appliesToVariant(c, variant)) : inArea;
		const { points, basisCount } = area.minimum;
		const reachable = sumPoints(mine);
		if (points !== undefined && points > reachable)
			issues.push({
				path: ['areas', index, 'minimum', 'points'],
				message: `${prefix}Die Mindestpunktzahl ${points} ist nicht erreichbar: ${mine.length === 1 ? 'Das einzige Kriterium des Bereichs bringt' : `Alle ${mine.length} Kriterien des Bereichs bringen zusammen`} nur ${plural(reachable, 'Punkt', 'Punkte')}.`
			});
		const basis = countBasis(mine);
		if (basisCount !== undefined && basisCount > basis)
			issues.push({
				path: ['areas', index, 'minimum', 'basisCount'],
				message: `${prefix}Verlangt werden ${basisCount} Basiskriterien, der Bereich hat aber nur ${basis}.`
			});
	});
	return issues;
}

function checkOverallMinimum(view: CheckView, variant?: Variant): CatalogueIssue[] {
	const { overallMinimum } = view;
	if (overallMinimum === null || !complete(view.areas) || !complete(view.criteria)) return [];
	const kindOf = new Map(view.areas.map((a) => [a.id, a.kind]));
	const asked = variant ? view.criteria.filter((c) => appliesToVariant(c, variant)) : view.criteria;
	const leistung = asked.filter((c) => kindOf.get(c.areaId) === 'leistung');
	const struktur = asked.filter((c) => kindOf.get(c.areaId) === 'struktur');
	const { points, basisLeistung, basisStruktur } = overallMinimum;
	const prefix = variant ? `Im Fragebogen „${variantLabel(variant)}“: ` : '';
	const issues: CatalogueIssue[] = [];
	const reachable = sumPoints(leistung) + sumPoints(struktur);
	if (points !== undefined && points > reachable)
		issues.push({
			path: ['overallMinimum', 'points'],
			message: `${prefix}Die Gesamtpunktzahl ${points} ist nicht erreichbar: Leistungs- und Strukturbereiche bringen zusammen nur ${plural(reachable, 'Punkt', 'Punkte')} (Profilbereiche zählen hier nicht mit).`
		});
	if (basisLeistung !== undefined && basisLeistung > countBasis(leistung))
		issues.push({
			path: ['overallMinimum', 'basisLeistung'],
			message: `${prefix}Verlangt werden ${basisLeistung} Basisleistungen, die Leistungsbereiche haben zusammen aber nur ${countBasis(leistung)} Basiskriterien.`
		});
	if (basisStruktur !== undefined && basisStruktur > countBasis(struktur))
		issues.push({
			path: ['overallMinimum', 'basisStruktur'],
			message: `${prefix}Verlangt werden ${basisStruktur} Basisstrukturen, die Strukturbereiche haben zusammen aber nur ${countBasis(struktur)} Basiskriterien.`
		});
	return issues;
}

/**
 * Minimums must stay reachable in every questionnaire once `appliesTo` leaves criteria out. A minimum
 * that no questionnaire reaches is reported once, without a variant.
 */
function checkVariantMinimums(view: CheckView, reported: readonly CatalogueIssue[]): CatalogueIssue[] {
	if (!view.criteria.some((c) => c?.appliesTo)) return [];
	const reportedPaths = new Set(reported.map((i) => i.path.join('.')));
	const issues: CatalogueIssue[] = [];
	for (const variant of variants)
		for (const issue of [...checkAreaMinimums(view, variant), ...checkOverallMinimum(view, variant)])
			if (!reportedPaths.has(issue.path.join('.'))) issues.push(issue);
	return issues;
}

export function crossCheck(view: CheckView): CatalogueIssue[] {
	const minimums = [...checkAreaMinimums(view), ...checkOverallMinimum(view)];
	return [
		...duplicateIds(view.areaIds, 'areas', 'Bereich'),
		...duplicateIds(view.criterionIds, 'criteria', 'Kriterium'),
		...checkAreaReferences(view),
		...minimums,
		...checkVariantMinimums(view, minimums),
		...crossCheckFormat2(view)
	];
}

export function crossCheckCatalogue(catalogue: Catalogue): CatalogueIssue[] {
	return crossCheck(viewOfCatalogue(catalogue));
}
