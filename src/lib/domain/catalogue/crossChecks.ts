import type { Area, Catalogue, Criterion, OverallMinimum } from './schema';

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
}

export function viewOfCatalogue(catalogue: Catalogue): CheckView {
	return {
		areaIds: catalogue.areas.map((a) => a.id),
		areas: catalogue.areas,
		criterionIds: catalogue.criteria.map((c) => c.id),
		criterionAreaIds: catalogue.criteria.map((c) => c.areaId),
		criteria: catalogue.criteria,
		overallMinimum: catalogue.overallMinimum
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

function checkAreaMinimums(view: CheckView): CatalogueIssue[] {
	// A criterion whose area cannot be read could belong to any area.
	if (!complete(view.criterionAreaIds)) return [];
	const areaIdsOfCriteria = view.criterionAreaIds;
	const issues: CatalogueIssue[] = [];
	const seen = new Set<string>();
	view.areaIds.forEach((id, index) => {
		// A duplicated area is reported once as a duplicate; checking it twice would only repeat that.
		if (id === null || seen.has(id)) return;
		seen.add(id);
		const mine = view.criteria.filter((_, i) => areaIdsOfCriteria[i] === id);
		if (mine.length === 0) {
			issues.push({
				path: ['areas', index],
				message: `Zum Bereich „${id}“ gehört kein einziges Kriterium. Jedes Kriterium nennt seinen Bereich im Feld „areaId“.`
			});
			return;
		}
		const area = view.areas[index];
		if (area === null || !complete(mine)) return;
		const { points, basisCount } = area.minimum;
		const reachable = sumPoints(mine);
		if (points !== undefined && points > reachable)
			issues.push({
				path: ['areas', index, 'minimum', 'points'],
				message: `Die Mindestpunktzahl ${points} ist nicht erreichbar: Alle ${mine.length} Kriterien des Bereichs bringen zusammen nur ${reachable} Punkte.`
			});
		const basis = countBasis(mine);
		if (basisCount !== undefined && basisCount > basis)
			issues.push({
				path: ['areas', index, 'minimum', 'basisCount'],
				message: `Verlangt werden ${basisCount} Basiskriterien, der Bereich hat aber nur ${basis}.`
			});
	});
	return issues;
}

function checkOverallMinimum(view: CheckView): CatalogueIssue[] {
	const { overallMinimum } = view;
	if (overallMinimum === null || !complete(view.areas) || !complete(view.criteria)) return [];
	const kindOf = new Map(view.areas.map((a) => [a.id, a.kind]));
	const leistung = view.criteria.filter((c) => kindOf.get(c.areaId) === 'leistung');
	const struktur = view.criteria.filter((c) => kindOf.get(c.areaId) === 'struktur');
	const { points, basisLeistung, basisStruktur } = overallMinimum;
	const issues: CatalogueIssue[] = [];
	const reachable = sumPoints(leistung) + sumPoints(struktur);
	if (points !== undefined && points > reachable)
		issues.push({
			path: ['overallMinimum', 'points'],
			message: `Die Gesamtpunktzahl ${points} ist nicht erreichbar: Leistungs- und Strukturbereiche bringen zusammen nur ${reachable} Punkte (Profilbereiche zählen hier nicht mit).`
		});
	if (basisLeistung !== undefined && basisLeistung > countBasis(leistung))
		issues.push({
			path: ['overallMinimum', 'basisLeistung'],
			message: `Verlangt werden ${basisLeistung} Basisleistungen, die Leistungsbereiche haben zusammen aber nur ${countBasis(leistung)} Basiskriterien.`
		});
	if (basisStruktur !== undefined && basisStruktur > countBasis(struktur))
		issues.push({
			path: ['overallMinimum', 'basisStruktur'],
			message: `Verlangt werden ${basisStruktur} Basisstrukturen, die Strukturbereiche haben zusammen aber nur ${countBasis(struktur)} Basiskriterien.`
		});
	return issues;
}

export function crossCheck(view: CheckView): CatalogueIssue[] {
	return [
		...duplicateIds(view.areaIds, 'areas', 'Bereich'),
		...duplicateIds(view.criterionIds, 'criteria', 'Kriterium'),
		...checkAreaReferences(view),
		...checkAreaMinimums(view),
		...checkOverallMinimum(view)
	];
}

export function crossCheckCatalogue(catalogue: Catalogue): CatalogueIssue[] {
	return crossCheck(viewOfCatalogue(catalogue));
}
