import type { Area, Criterion } from '../catalogue/schema';
import {
	appliesToVariant,
	evaluateCriterionRequirement,
	type RequirementContext,
	type RequirementResult
} from '../requirements';
import type { OverallReadiness, ReadinessInput, SiteResult } from './types';

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
	/** Per open criterion: the parts missing on its cheapest way to be met (see OpenCost). */
	openCosts: Map<Criterion, OpenCost>;
	/** Criteria asked per site, with each site's result (only with more than one site). */
	perSite: SiteResult[];
	/** Ids of criteria counted as met by their parts, not marked 'erfuellt'. */
	metByParts: string[];
};

/**
 * What an open criterion still needs: `steps` parts on its cheapest branch (sub-items to mark,
 * thresholds the registers do not reach yet); a criterion without parts needs 1 step, its own mark.
 */
export type OpenCost = { steps: number; missingParts: string[] };

const NO_PARTS_COST: OpenCost = { steps: 1, missingParts: [] };

export function isCountedArea(area: Area, chosenProfileAreas: readonly string[]): boolean {
	return area.kind !== 'profil' || chosenProfileAreas.includes(area.id);
}

/** The context the requirement engine needs, built once per readiness computation. */
export function requirementContext(input: ReadinessInput): RequirementContext {
	return {
		statuses: input.statuses,
		registers: input.registers,
		sites: input.sites,
		secondHalfStarts: input.catalogue.secondHalfStarts,
		variant: input.variant
	};
}

function hasParts(c: Criterion): boolean {
	return (c.items?.length ?? 0) > 0 || (c.thresholds?.length ?? 0) > 0;
}

/**
 * A criterion counts as met when the Leitung marked it 'erfuellt', or when it has format-2 parts
 * and its expression holds (the sub-items she marked plus the thresholds the registers reach), so
 * a register that reaches a criterion's thresholds moves readiness without a tap. Marked
 * nicht zutreffend it counts as before: neither met nor open. Sums what is met per counted area and
 * overall; criteria of other areas and of other questionnaire variants are ignored.
 */
export function assess(input: ReadinessInput): Assessment {
	const { catalogue, statuses, chosenProfileAreas } = input;
	const ctx = requirementContext(input);
	const multiSite = (input.sites?.length ?? 0) > 1;
	const openCosts = new Map<Criterion, OpenCost>();
	const perSite: SiteResult[] = [];
	const metByParts: string[] = [];
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
		if (!assessed || !appliesToVariant(criterion, input.variant)) continue;
		assessed.criteria.push(criterion);
		const status = statuses.get(criterion.id) ?? 'offen';
		const askedPerSite = multiSite && !!criterion.perSite && status !== 'nicht_zutreffend';
		// Evaluated only where it can change something: an open criterion with parts, or a per-site one.
		const requirement: RequirementResult | null =
			hasParts(criterion) && ((status !== 'erfuellt' && status !== 'nicht_zutreffend') || askedPerSite)
				? evaluateCriterionRequirement(criterion, ctx)
				: null;
		if (askedPerSite) perSite.push(siteResult(criterion, status === 'erfuellt', requirement, input));
		if (status === 'nicht_zutreffend') {
			assessed.notApplicableCount++;
		} else if (status !== 'erfuellt' && !requirement?.met) {
			assessed.open.push(criterion);
			openCosts.set(
				criterion,
				requirement ? { steps: requirement.cost, missingParts: requirement.missing } : NO_PARTS_COST
			);
		} else {
			if (status !== 'erfuellt') metByParts.push(criterion.id);
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
	return { areas, overall, openCosts, perSite, metByParts };
}

/**
 * One per-site criterion at each site: marked 'erfuellt' it is met everywhere (the Leitung answers
 * for the Verbund); else by its parts, with the thresholds counted at each site.
 */
function siteResult(
	criterion: Criterion,
	marked: boolean,
	requirement: RequirementResult | null,
	input: ReadinessInput
): SiteResult {
	const sites = input.sites ?? [];
	return {
		criterionId: criterion.id,
		sites: sites.map((site, i) => {
			const at = requirement?.sites[i];
			const met = marked || (at?.met ?? false);
			const missing = met ? [] : (at?.missing ?? ['noch nicht als erfüllt markiert']);
			return { siteId: site.id, name: site.name, met, missing };
		})
	};
}

export function areaPasses(a: AssessedArea): boolean {
	return a.points >= a.pointsRequired && a.basisMet >= a.basisRequired;
}
