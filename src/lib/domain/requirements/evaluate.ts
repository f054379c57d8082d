import type { Criterion, CriterionItem, RequirementExpression } from '../catalogue/schema';
import type { CriterionStatusValue } from '../records';
import { cheapestMissing, formatExpression, holds } from './expression';
import { evaluateThreshold, type Registers, type Site, type ThresholdResult } from './thresholds';
import type { Variant } from './variant';

export type RequirementContext = {
	/** Status per criterion and sub-item id (a sub-item's status is stored like a criterion's). */
	statuses: ReadonlyMap<string, CriterionStatusValue>;
	/** The registers and the Prüfzeitraum thresholds are counted in; absent: no threshold is reached. */
	registers?: Registers;
	/** Verbund sites, the profile's own Kita first (it also gets entries without a site). */
	sites?: readonly Site[];
	/** The catalogue's `secondHalfStarts` (MM-DD); absent: the default of the period's kind. */
	secondHalfStarts?: string;
	/** The current round's questionnaire: shortfalls leave out criteria it does not ask. */
	variant?: Variant;
};

export type ItemResult = { item: CriterionItem; met: boolean };

export type RequirementSiteResult = { siteId: string; name: string; met: boolean; missing: string[] };

export type RequirementResult = {
	/** The criterion has format-2 parts (items or thresholds); without, nothing else here applies. */
	hasParts: boolean;
	/** Its expression holds: the items the Leitung marked 'erfuellt' plus the thresholds the registers reach. */
	met: boolean;
	/** The expression used: `requires`, or UND of all items and thresholds. Null without parts. */
	expression: RequirementExpression | null;
	/** The expression in words: „1.3 ODER (1.3.1 UND Kurs mit mind. 8 Terminen)“. */
	text: string;
	items: ItemResult[];
	thresholds: ThresholdResult[];
	/** What is missing on the cheapest way to meet it, in German (items to mark, thresholds short). */
	missing: string[];
	/** How many parts are missing on that way; a criterion without parts costs 1 (its own status). */
	cost: number;
	/** „laut Register erfüllt“: it has thresholds and its expression holds with what the registers reach. */
	suggestion: 'erfuellt' | null;
	/** A criterion asked per site (`perSite`) with more than one site: the result at each site. */
	sites: RequirementSiteResult[];
};

/** The expression a criterion is met by: `requires`, else all its items and thresholds (UND). */
export function requirementOf(criterion: Criterion): RequirementExpression | null {
	if (criterion.requires) return criterion.requires;
	const ids = [...(criterion.items ?? []), ...(criterion.thresholds ?? [])].map((p) => p.id);
	if (ids.length === 0) return null;
	return ids.length === 1 ? ids[0] : { und: ids };
}

/** The words of a part: an item by its id (as checklists write „1.3 ODER 1.3.1“), a threshold by its label. */
export function partName(criterion: Criterion, id: string): string {
	return criterion.thresholds?.find((t) => t.id === id)?.label ?? id;
}

/** The criterion's expression in German words, or '' when it has no parts. */
export function formatRequirement(criterion: Criterion): string {
	const expr = requirementOf(criterion);
	return expr ? formatExpression(expr, (id) => partName(criterion, id)) : '';
}

const NO_PARTS = {
	hasParts: false,
	met: false,
	expression: null,
	text: '',
	items: [],
	thresholds: [],
	suggestion: null,
	sites: []
};

/**
 * Whether a criterion's format-2 parts meet it. Items count when marked 'erfuellt' (not when
 * nicht zutreffend: the checklist asks for them); thresholds when the registers reach them in every
 * window. A criterion asked per site is met when its expression holds at every site, with the
 * sub-items (marked once for the Verbund) shared and the thresholds counted per site.
 */
export function evaluateCriterionRequirement(
	criterion: Criterion,
	ctx: RequirementContext
): RequirementResult {
	const expression = requirementOf(criterion);
	if (!expression) return { ...NO_PARTS, missing: [], cost: 1 };
	const sites = ctx.sites ?? [];
	const perSite = !!criterion.perSite && sites.length > 1;
	const items = (criterion.items ?? []).map((item) => ({
		item,
		met: ctx.statuses.get(item.id) === 'erfuellt'
	}));
	const thresholds = (criterion.thresholds ?? []).map((t) =>
		evaluateThreshold(t, ctx.registers, {
			secondHalfStarts: ctx.secondHalfStarts,
			sites,
			perSiteCriterion: perSite
		})
	);
	const itemMet = new Map(items.map((r) => [r.item.id, r.met]));
	const byThreshold = new Map(thresholds.map((r) => [r.threshold.id, r]));
	const describe = (id: string, siteIndex?: number): string[] => {
		const t = byThreshold.get(id);
		if (!t) {
			const item = items.find((r) => r.item.id === id)?.item;
			return [item ? `${item.id} ${item.title}` : id];
		}
		return siteIndex === undefined || t.sites.length === 0 ? t.missing : t.sites[siteIndex].missing;
	};
	const metAt = (siteIndex?: number) => (id: string) => {
		const t = byThreshold.get(id);
		if (!t) return itemMet.get(id) ?? false;
		return siteIndex === undefined || t.sites.length === 0 ? t.met : t.sites[siteIndex].met;
	};

	let met: boolean;
	let missingIds: string[];
	let siteResults: RequirementSiteResult[] = [];
	if (perSite) {
		siteResults = sites.map((site, i) => {
			const ids = cheapestMissing(expression, metAt(i));
			return {
				siteId: site.id,
				name: site.name,
				met: holds(expression, metAt(i)),
				missing: ids.flatMap((id) => describe(id, i))
			};
		});
		met = siteResults.every((s) => s.met);
		// The parts to do for the whole Verbund: what any site still misses on its cheapest way.
		missingIds = [...new Set(sites.flatMap((_, i) => cheapestMissing(expression, metAt(i))))];
	} else {
		met = holds(expression, metAt());
		missingIds = met ? [] : cheapestMissing(expression, metAt());
	}
	// Per site a sub-item (shared by the Verbund) may be missing at several sites: name it once.
	const missing = perSite
		? [...new Set(siteResults.flatMap((s) => s.missing))]
		: missingIds.flatMap((id) => describe(id));
	return {
		hasParts: true,
		met,
		expression,
		text: formatExpression(expression, (id) => partName(criterion, id)),
		items,
		thresholds,
		missing,
		cost: met ? 0 : Math.max(1, missingIds.length),
		suggestion: met && thresholds.some((t) => t.met) ? 'erfuellt' : null,
		sites: siteResults
	};
}
