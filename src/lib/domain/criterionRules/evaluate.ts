import type { Criterion } from '../catalogue/schema';
import type { CriterionRule } from './schema';
import { plural } from '../plural';
import { formatDateDe, type LocalDate } from '../dates';
import type { ReviewPeriod } from '../periods';
import { childminderArrangementKindLabels } from '../registers/childminding';
import { familyEducationKindLabels } from '../registers/familyEducation';
import { partnerKindLabels } from '../registers/partners';
import type { RegisterData } from '../registers/registerData';
import { agreementValidOn } from '../registers/summaries/agreements';
import { computeAllRegisterSummaries, type RegisterSummaries } from '../registers/summaries/all';
import { periodHorizon } from '../registers/summaries/period';
import { evaluateQualificationsRule } from './qualifications';

/**
 * Checks a criterion's declared rules (./schema) against the registers. The outcome is only ever a
 * suggestion ("laut Register erfüllt") with reasons in German; the leader confirms the status
 * herself, the app never sets it. A new rule kind is its schema in ./schema and its case here.
 * Apart from the schema because the catalogue schema imports the rules' schema, and this check
 * needs the registers' summaries and periods, which lean on the catalogue: one file would close an
 * import circle.
 */

export interface RuleResult {
	rule: CriterionRule;
	met: boolean;
	reason: string;
}

export interface CriterionRuleEvaluation {
	/** 'erfuellt' when the criterion declares rules and the registers meet all of them. */
	suggestion: 'erfuellt' | null;
	reasons: string[];
	results: RuleResult[];
}

function orList(items: string[]): string {
	return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} oder ${items.at(-1)}`;
}

function evaluateRule(
	rule: CriterionRule,
	data: RegisterData,
	s: RegisterSummaries,
	period: ReviewPeriod,
	today: LocalDate
): RuleResult {
	switch (rule.kind) {
		case 'officeHoursMonthly': {
			const held = s.officeHours.monthsWithSessions;
			const months = s.officeHours.months.length;
			return {
				rule,
				met: held >= rule.minMonths,
				reason: `Sprechstunden in ${held} von ${months} Monaten gehalten (mindestens ${rule.minMonths})`
			};
		}
		case 'familyEducationOffers': {
			const kinds = rule.offerKinds;
			const n = kinds
				? kinds.reduce((sum, k) => sum + s.familyEducation.offersByKind[k], 0)
				: s.familyEducation.offers;
			const what = kinds
				? `${n === 1 ? 'Angebot' : 'Angebote'} der Art ${orList(kinds.map((k) => familyEducationKindLabels[k]))}`
				: n === 1
					? 'Familienbildungsangebot'
					: 'Familienbildungsangebote';
			return { rule, met: n >= rule.min, reason: `${n} ${what} im Zeitraum (mindestens ${rule.min})` };
		}
		case 'partnerAgreement': {
			const day = periodHorizon(period, today);
			const label = partnerKindLabels[rule.partnerKind];
			const partner = data.partners.find(
				(p) => !p.deleted && p.kind === rule.partnerKind && agreementValidOn(p.agreement, day)
			);
			if (!partner?.agreement) {
				return {
					rule,
					met: false,
					reason: `Keine gültige schriftliche Vereinbarung mit einem Partner der Art ${label}`
				};
			}
			const until = partner.agreement.validUntil;
			return {
				rule,
				met: true,
				reason: `Gültige Vereinbarung mit ${label}: ${partner.name} (${until ? `bis ${formatDateDe(until)}` : 'unbefristet'})`
			};
		}
		case 'childminderContacts': {
			const n = s.childminding.contacts;
			return {
				rule,
				met: n >= rule.min,
				reason: `${plural(n, 'Kontakt', 'Kontakte')} zur Kindertagespflege im Zeitraum (mindestens ${rule.min})`
			};
		}
		case 'childminderArrangement': {
			const label = childminderArrangementKindLabels[rule.arrangementKind];
			const found = s.childminding.arrangementsActive.filter((a) => a.kind === rule.arrangementKind);
			return found.length > 0
				? { rule, met: true, reason: `${label} im Zeitraum: ${found.map((a) => a.label).join(', ')}` }
				: { rule, met: false, reason: `Keine Vereinbarung „${label}“ im Zeitraum` };
		}
		case 'preventionNetwork': {
			const prev = s.prevention;
			const missing: string[] = [];
			if (!prev.profile) missing.push('kein Netzwerk oder Programm eingetragen');
			if (!prev.agreementValidInPeriod) missing.push('keine gültige Vereinbarung mit der Kommune');
			if (prev.offersActive.length === 0) missing.push('keine Präventionsangebote im Zeitraum');
			if (missing.length > 0) return { rule, met: false, reason: `Prävention: ${missing.join('; ')}` };
			const offers = plural(prev.offersActive.length, 'Angebot', 'Angebote');
			return {
				rule,
				met: true,
				reason: `Prävention: ${prev.profile?.networkName}, Vereinbarung mit der Kommune gültig, ${offers} im Zeitraum`
			};
		}
		case 'qualifications':
			return { rule, ...evaluateQualificationsRule(rule, data.qualifications, period, today) };
	}
}

export function evaluateCriterionRules(
	criterion: Pick<Criterion, 'rules'>,
	data: RegisterData,
	period: ReviewPeriod,
	today: LocalDate,
	/** Pass when evaluating many criteria, so the registers are summed once. */
	summaries?: RegisterSummaries
): CriterionRuleEvaluation {
	const rules = criterion.rules ?? [];
	if (rules.length === 0) return { suggestion: null, reasons: [], results: [] };
	const s = summaries ?? computeAllRegisterSummaries(data, period, today);
	const results = rules.map((rule) => evaluateRule(rule, data, s, period, today));
	return {
		suggestion: results.length > 0 && results.every((r) => r.met) ? 'erfuellt' : null,
		reasons: results.map((r) => r.reason),
		results
	};
}
