import type { RegisterCitation } from './citations';

/**
 * How many register entries each criterion cites; one pass, for the „ohne Nachweis“ filter. Apart
 * from the citation schema (`citations.ts` re-exports it) because the Übersicht needs it without zod.
 */
export function countCitationsByCriterion(
	citations: readonly Pick<RegisterCitation, 'criterionId' | 'deleted'>[]
): Map<string, number> {
	const counts = new Map<string, number>();
	for (const c of citations) {
		if (!c.deleted) counts.set(c.criterionId, (counts.get(c.criterionId) ?? 0) + 1);
	}
	return counts;
}
