import type { Catalogue, Criterion } from '../catalogue/schema';
import type { CriterionFeedback } from '../dossier/feedback';
import { type FeedbackMessage } from '../dossier/feedbackThread';
import { threadOf, threadState } from '../dossier/threadState';
import { evidenceCountOf } from '../dossier/outline';
import type { DossierEvidence, DossierSnapshot } from '../dossier/snapshot';
import { evidenceByCriterion } from '../dossier/views';
import type { CriterionStatusValue } from '../records';

/**
 * The review page's list (issue 15): one row per criterion of a dossier version with what the
 * filters and the search ask about, and the filters themselves. Pure, so the page only binds
 * controls to a `ReviewFilter` and shows `filterRows(rows, filter)`.
 */

/** Where the feedback on a criterion stands; `passt` is a closed point, `keine` no feedback at all. */
export type FeedbackFilterState = 'keine' | 'open' | 'answered' | 'done' | 'passt';

export const feedbackFilterLabels: Record<FeedbackFilterState, string> = {
	keine: 'Ohne Rückmeldung',
	open: 'Offen (wartet auf die Kita)',
	answered: 'Beantwortet',
	done: 'Erledigt',
	passt: 'Passt'
};

export interface ReviewRow {
	criterion: Criterion;
	/** As shown: a criterion met by its parts counts as „erfüllt“ (like the dossier page). */
	status: CriterionStatusValue;
	metByParts: boolean;
	note: string;
	/** Null while only the version's outline is loaded: how many there are is known already. */
	evidence: DossierEvidence[] | null;
	evidenceCount: number;
	feedback: FeedbackFilterState;
	/** Lower-case text the search looks through: id, title, note, evidence titles (once loaded). */
	searchText: string;
}

/**
 * What the review list reads of a version: the whole of it, or its outline (domain/dossier/outline)
 * while the evidence items are still on their way — then only their counts are known.
 */
export type ReviewedSnapshot = Pick<DossierSnapshot, 'statuses' | 'chosenProfileAreas' | 'readiness'> &
	({ evidence: DossierEvidence[] } | { evidence: null; evidenceCounts: Readonly<Record<string, number>> });

/** What „Nur geänderte Kriterien“ compares with: the version before, or her last reviewed one. */
export type ChangedSince = 'vorige' | 'review';

export interface ReviewFilter {
	status: CriterionStatusValue | 'alle';
	evidence: 'alle' | 'mit' | 'ohne';
	feedback: FeedbackFilterState | 'alle';
	/** Only criteria in this set (changed since a chosen version); null: all. */
	onlyIn: ReadonlySet<string> | null;
	query: string;
}

export const emptyFilter: ReviewFilter = {
	status: 'alle',
	evidence: 'alle',
	feedback: 'alle',
	onlyIn: null,
	query: ''
};

export function feedbackFilterState(
	feedback: CriterionFeedback | undefined,
	thread: readonly FeedbackMessage[]
): FeedbackFilterState {
	if (!feedback || feedback.deleted) return 'keine';
	const state = threadState(feedback, thread);
	if (state !== 'none') return state;
	// „Hinweis“ from before issue 15 asked nothing of the centre and approved nothing either.
	return feedback.verdict === 'passt' ? 'passt' : 'keine';
}

/** The criteria the snapshot's profile choice shows, in catalogue order. */
export function shownCriteria(catalogue: Catalogue, chosenProfileAreas: readonly string[]): Criterion[] {
	const shownAreas = new Set(
		catalogue.areas.filter((a) => a.kind !== 'profil' || chosenProfileAreas.includes(a.id)).map((a) => a.id)
	);
	const order = new Map(catalogue.areas.map((a, i) => [a.id, i]));
	return catalogue.criteria
		.filter((c) => shownAreas.has(c.areaId))
		.sort((a, b) => (order.get(a.areaId) ?? 0) - (order.get(b.areaId) ?? 0));
}

export function reviewRows(input: {
	catalogue: Catalogue;
	snapshot: ReviewedSnapshot;
	feedback: readonly CriterionFeedback[];
	messages: readonly FeedbackMessage[];
}): ReviewRow[] {
	const { catalogue, snapshot } = input;
	const statuses = new Map(snapshot.statuses.map((s) => [s.criterionId, s]));
	const evidence = snapshot.evidence ? evidenceByCriterion({ evidence: snapshot.evidence }) : null;
	const counts = snapshot.evidence === null ? snapshot.evidenceCounts : {};
	const feedback = new Map(input.feedback.filter((f) => !f.deleted).map((f) => [f.criterionId, f]));
	const partsMet = new Set(snapshot.readiness.metByParts ?? []);
	return shownCriteria(catalogue, snapshot.chosenProfileAreas).map((criterion) => {
		const saved = statuses.get(criterion.id);
		const status = saved?.status ?? 'offen';
		const metByParts = partsMet.has(criterion.id) && status !== 'erfuellt' && status !== 'nicht_zutreffend';
		const items = evidence ? (evidence.get(criterion.id) ?? []) : null;
		const note = saved?.note ?? '';
		return {
			criterion,
			status: metByParts ? 'erfuellt' : status,
			metByParts,
			note,
			evidence: items,
			evidenceCount: items ? items.length : evidenceCountOf(counts, criterion.id),
			feedback: feedbackFilterState(feedback.get(criterion.id), threadOf(input.messages, criterion.id)),
			searchText: [criterion.id, criterion.title, note, ...(items ?? []).map((e) => e.title)]
				.join('\n')
				.toLowerCase()
		};
	});
}

export function matchesFilter(row: ReviewRow, filter: ReviewFilter): boolean {
	if (filter.status !== 'alle' && row.status !== filter.status) return false;
	if (filter.evidence === 'mit' && row.evidenceCount === 0) return false;
	if (filter.evidence === 'ohne' && row.evidenceCount > 0) return false;
	if (filter.feedback !== 'alle' && row.feedback !== filter.feedback) return false;
	if (filter.onlyIn && !filter.onlyIn.has(row.criterion.id)) return false;
	const words = filter.query.toLowerCase().split(/\s+/).filter(Boolean);
	return words.every((word) => row.searchText.includes(word));
}

export function filterRows(rows: readonly ReviewRow[], filter: ReviewFilter): ReviewRow[] {
	return rows.filter((row) => matchesFilter(row, filter));
}

/** Rows under their areas, in the areas' order; areas without a row are left out. */
export function rowsByArea<A extends { id: string }>(
	rows: readonly ReviewRow[],
	areas: readonly A[]
): { area: A; rows: ReviewRow[] }[] {
	const groups = new Map<string, ReviewRow[]>();
	for (const row of rows) {
		const list = groups.get(row.criterion.areaId);
		if (list) list.push(row);
		else groups.set(row.criterion.areaId, [row]);
	}
	return areas.flatMap((area) => {
		const list = groups.get(area.id);
		return list ? [{ area, rows: list }] : [];
	});
}

/** The id `step` places after (1) or before (-1) `currentId` in `ids`; the first or last without one. */
export function neighbourId(ids: readonly string[], currentId: string | null, step: 1 | -1): string | null {
	if (ids.length === 0) return null;
	const at = currentId === null ? -1 : ids.indexOf(currentId);
	if (at === -1) return step === 1 ? ids[0] : ids[ids.length - 1];
	return ids[at + step] ?? null;
}
