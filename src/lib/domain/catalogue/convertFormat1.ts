import type { CriterionRule } from '../criterionRules/schema';
import type { Catalogue, Criterion, Threshold } from './schema';

// Written out rather than imported from ./schema: the device converts without loading zod.
const FORMAT_1 = 'guetesiegel-katalog/1';
const FORMAT_2 = 'guetesiegel-katalog/2';

/**
 * Format 1 → format 2 (docs/catalogue-format.md, „Format 1 and its conversion“). A format-1 register rule that
 * counts entries has an exact threshold in format 2 and becomes one; rules without an equivalent
 * (agreements in force, Kindertagespflege arrangements, the prevention network) stay as `rules`.
 * Items are never invented, so a converted criterion is still met as before by its status alone.
 */

/** The threshold a format-1 rule means, or null when format 2 has no exact equivalent. */
export function thresholdOfRule(rule: CriterionRule): Omit<Threshold, 'id'> | null {
	switch (rule.kind) {
		case 'officeHoursMonthly':
			return {
				label: `Sprechstunde der Erziehungsberatung in ${rule.minMonths} Monaten`,
				source: 'officeHourSessions',
				min: 1,
				per: 'month',
				months: rule.minMonths,
				where: {},
				perSite: false
			};
		case 'familyEducationOffers':
			return {
				label:
					rule.min === 1
						? 'Mindestens 1 Familienbildungsangebot'
						: `Mindestens ${rule.min} Familienbildungsangebote`,
				source: 'familyEducationOffers',
				min: rule.min,
				per: 'period',
				where: rule.offerKinds ? { offerKinds: rule.offerKinds } : {},
				perSite: false
			};
		case 'childminderContacts':
			return {
				label:
					rule.min === 1
						? 'Mindestens 1 Kontakt zur Kindertagespflege'
						: `Mindestens ${rule.min} Kontakte zur Kindertagespflege`,
				source: 'childminderContacts',
				min: rule.min,
				per: 'period',
				where: {},
				perSite: false
			};
		default:
			return null;
	}
}

function convertCriterion(criterion: Criterion): Criterion {
	const rules = criterion.rules ?? [];
	if (rules.length === 0) return criterion;
	const { rules: _rules, ...rest } = criterion;
	const kept: CriterionRule[] = [];
	const thresholds: Threshold[] = [...(criterion.thresholds ?? [])];
	for (const rule of rules) {
		const threshold = thresholdOfRule(rule);
		if (threshold) thresholds.push({ id: `R${thresholds.length + 1}`, ...threshold });
		else kept.push(rule);
	}
	return {
		...rest,
		...(kept.length > 0 ? { rules: kept } : {}),
		...(thresholds.length > 0 ? { thresholds } : {})
	};
}

/** The same catalogue in format 2; a format-2 catalogue is returned as it is. */
export function toFormat2(catalogue: Catalogue): Catalogue {
	if (catalogue.format !== FORMAT_1) return catalogue;
	return { ...catalogue, format: FORMAT_2, criteria: catalogue.criteria.map(convertCriterion) };
}
