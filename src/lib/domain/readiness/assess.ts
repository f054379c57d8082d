import type { Area, Criterion } from '../catalogue/schema';
import type { OverallReadiness, ReadinessInput } from './types';

/** One area that counts (all Leistungs- and Strukturbereiche, the chosen Profilbereiche). */
export type AssessedArea = {
	area: Area;
	criteria: Criterion[];
	/** Criteria still to do: status offen (or none) or in Arbeit. */
	open: Criterion[];
	points: number;
	pointsRequired: number;
	basisMet: number;
	basisRequired: number;
	metCount: number;
	notApplicableCount: number;
};

/**
 * Overall minimums count the Leistungs- and Strukturbereiche only: a Profilbereich is optional and
 * has its own minimum, so choosing one must not make the overall minimums easier (the catalogue's
 * cross-checks assume the same).
 */
export type Assessment = {
	areas: AssessedArea[];
	overall: OverallReadiness;
};

export function isCountedArea(area: Area, chosenProfileAreas: readonly string[]): boolean {
	return area.kind !== 'profil' || chosenProfileAreas.includes(area.id);
}

/** Sums what is met per counted area and overall; criteria of other areas are ignored. */
export function assess({ catalogue, statuses, chosenProfileAreas }: ReadinessInput): Assessment {
	const byId = new Map<string, AssessedArea>();
	const areas: AssessedArea[] = [];
	for (const area of catalogue.areas) {
		if (!isCountedArea(area, chosenProfileAreas) || byId.has(area.id)) continue;
		const assessed: AssessedArea = {
			area,
			criteria: [],
			open: [],
			points: 0,
			pointsRequired: area.minimum.points ?? 0,
			basisMet: 0,
			basisRequired: area.minimum.basisCount ?? 0,
			metCount: 0,
			notApplicableCount: 0
		};
		byId.set(area.id, assessed);
		areas.push(assessed);
	}

	const minimum = catalogue.overallMinimum;
	const overall: OverallReadiness = {
		points: 0,
		pointsRequired: minimum.points ?? 0,
		basisLeistung: 0,
		basisLeistungRequired: minimum.basisLeistung ?? 0,
		basisStruktur: 0,
		basisStrukturRequired: minimum.basisStruktur ?? 0,
		passes: false
	};

	for (const criterion of catalogue.criteria) {
		const assessed = byId.get(criterion.areaId);
		if (!assessed) continue;
		assessed.criteria.push(criterion);
		const status = statuses.get(criterion.id) ?? 'offen';
		if (status === 'nicht_zutreffend') {
			assessed.notApplicableCount++;
		} else if (status !== 'erfuellt') {
			assessed.open.push(criterion);
		} else {
			assessed.metCount++;
			assessed.points += criterion.points;
			if (assessed.area.kind !== 'profil') overall.points += criterion.points;
			if (criterion.level === 'basis') {
				assessed.basisMet++;
				if (assessed.area.kind === 'leistung') overall.basisLeistung++;
				if (assessed.area.kind === 'struktur') overall.basisStruktur++;
			}
		}
	}

	overall.passes =
		overall.points >= overall.pointsRequired &&
		overall.basisLeistung >= overall.basisLeistungRequired &&
		overall.basisStruktur >= overall.basisStrukturRequired;
	return { areas, overall };
}

export function areaPasses(a: AssessedArea): boolean {
	return a.points >= a.pointsRequired && a.basisMet >= a.basisRequired;
}
