import { z } from 'zod';
import { dossierSnapshotSchema } from './snapshot';
import { dossierSummarySchema, type Dossier } from './versions';
import { evidenceByCriterion } from './views';

/**
 * A handed-in version without its evidence items and register tables: what the advisor's review
 * list shows (criteria, statuses, notes, readiness, how many items each criterion cites). For a
 * dossier with 2,000 evidence items the version is about 540 KB and its outline 60 KB, so the review
 * page shows the outline first and the items once the whole version has followed (issue 15,
 * tests/bench/reviewRender.js). Pure: the server makes it, the page reads it.
 */

export const dossierOutlineSnapshotSchema = dossierSnapshotSchema
	.omit({ evidence: true, registerSummaries: true, registerTables: true })
	.extend({
		/** Evidence items citing each criterion, by criterion id; criteria without any are left out. */
		evidenceCounts: z.record(z.string().min(1).max(40), z.number().int().min(1))
	});
export type DossierOutlineSnapshot = z.infer<typeof dossierOutlineSnapshotSchema>;

export const dossierOutlineSchema = dossierSummarySchema.extend({ snapshot: dossierOutlineSnapshotSchema });
export type DossierOutline = z.infer<typeof dossierOutlineSchema>;

/** `GET /api/dossiers/:id/outline`: the outline and, as for the whole version, its catalogue. */
export const dossierOutlineResponseSchema = z.object({
	dossier: dossierOutlineSchema,
	catalogue: z.record(z.string(), z.unknown())
});

export function dossierOutline(dossier: Dossier): DossierOutline {
	// Left out by name: whatever the snapshot gains later reaches the outline unless it is large.
	const {
		evidence: _evidence,
		registerSummaries: _sums,
		registerTables: _tables,
		...rest
	} = dossier.snapshot;
	// fromEntries makes own properties: an id such as "__proto__" stays a key, not a prototype.
	const evidenceCounts = Object.fromEntries(
		[...evidenceByCriterion(dossier.snapshot)].map(([criterionId, items]) => [criterionId, items.length])
	);
	return { ...dossier, snapshot: { ...rest, evidenceCounts } };
}

/** How many evidence items the outline counts for a criterion. */
export function evidenceCountOf(counts: Readonly<Record<string, number>>, criterionId: string): number {
	return Object.hasOwn(counts, criterionId) ? (counts[criterionId] ?? 0) : 0;
}
