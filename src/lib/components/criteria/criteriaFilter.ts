import type { Criterion, CriterionLevel } from '$lib/domain/catalogue/schema';
import type { ThreadState } from '$lib/domain/dossier/threadState';
import { criterionStatusValueSchema, type CriterionStatusValue } from '$lib/domain/records';

/** „Mit Rückmeldung“: criteria with an open point of the Fachberatung, or with any feedback. */
export type FeedbackFilter = 'offen' | 'alle' | '';

/**
 * The filters of the criteria list. They live in the URL query (`?bereich=L1&status=offen&…`) so
 * that back/forward and a reload keep them; these helpers read and write that query.
 */
export interface CriteriaFilter {
	/** Area id, '' for all areas. */
	bereich: string;
	status: CriterionStatusValue | '';
	level: CriterionLevel | '';
	/** Only criteria without any evidence. */
	ohneNachweis: boolean;
	rueckmeldung: FeedbackFilter;
	/** Free text searched in id, title and explanation. */
	q: string;
}

export const emptyCriteriaFilter: CriteriaFilter = {
	bereich: '',
	status: '',
	level: '',
	ohneNachweis: false,
	rueckmeldung: '',
	q: ''
};

export function parseCriteriaFilter(params: URLSearchParams): CriteriaFilter {
	const status = criterionStatusValueSchema.safeParse(params.get('status'));
	const level = params.get('stufe');
	const rueckmeldung = params.get('rueckmeldung');
	return {
		bereich: params.get('bereich') ?? '',
		status: status.success ? status.data : '',
		level: level === 'basis' || level === 'aufbau' ? level : '',
		ohneNachweis: params.get('ohneNachweis') === '1',
		rueckmeldung: rueckmeldung === 'offen' || rueckmeldung === 'alle' ? rueckmeldung : '',
		q: params.get('q') ?? ''
	};
}

/** The query string for a filter, without '?'; empty filters are left out to keep URLs short. */
export function criteriaFilterQuery(filter: CriteriaFilter): string {
	const params = new URLSearchParams();
	if (filter.bereich) params.set('bereich', filter.bereich);
	if (filter.status) params.set('status', filter.status);
	if (filter.level) params.set('stufe', filter.level);
	if (filter.ohneNachweis) params.set('ohneNachweis', '1');
	if (filter.rueckmeldung) params.set('rueckmeldung', filter.rueckmeldung);
	if (filter.q.trim()) params.set('q', filter.q);
	return params.toString();
}

export function isFilterActive(filter: CriteriaFilter): boolean {
	return criteriaFilterQuery(filter) !== '';
}

function normalize(s: string): string {
	return s.toLocaleLowerCase('de').normalize('NFC');
}

/**
 * The criteria that pass every filter, in catalogue order. A criterion without a status record
 * counts as „offen“. All search words must occur (in any of id, title, explanation).
 */
export function filterCriteria(
	criteria: readonly Criterion[],
	filter: CriteriaFilter,
	statusOf: (criterionId: string) => CriterionStatusValue,
	evidenceCountOf: (criterionId: string) => number,
	/** Where the Fachberatung's feedback on a criterion stands; undefined without feedback. */
	feedbackOf: (criterionId: string) => ThreadState | undefined = () => undefined
): Criterion[] {
	const words = normalize(filter.q).split(/\s+/).filter(Boolean);
	return criteria.filter((c) => {
		if (filter.bereich && c.areaId !== filter.bereich) return false;
		if (filter.level && c.level !== filter.level) return false;
		if (filter.status && statusOf(c.id) !== filter.status) return false;
		if (filter.ohneNachweis && evidenceCountOf(c.id) > 0) return false;
		if (filter.rueckmeldung && !matchesFeedback(filter.rueckmeldung, feedbackOf(c.id))) return false;
		if (words.length > 0) {
			const haystack = normalize(`${c.id} ${c.title} ${c.explanation}`);
			if (!words.every((w) => haystack.includes(w))) return false;
		}
		return true;
	});
}

function matchesFeedback(filter: Exclude<FeedbackFilter, ''>, state: ThreadState | undefined): boolean {
	return filter === 'offen' ? state === 'open' : state !== undefined;
}
