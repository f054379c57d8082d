import { plural } from '../plural';
import type { DossierEvidence, DossierSnapshot } from './snapshot';

/** What the dossier and review pages derive from a snapshot for display. */

/** Evidence of the snapshot by criterion id, for the criterion-by-criterion views. */
export function evidenceByCriterion(
	snapshot: Pick<DossierSnapshot, 'evidence'>
): Map<string, DossierEvidence[]> {
	const byCriterion = new Map<string, DossierEvidence[]>();
	for (const e of snapshot.evidence) {
		for (const criterionId of e.criterionIds) {
			const list = byCriterion.get(criterionId) ?? [];
			list.push(e);
			byCriterion.set(criterionId, list);
		}
	}
	return byCriterion;
}

function numberAt(source: unknown, ...path: string[]): number | null {
	let value: unknown = source;
	for (const key of path) {
		if (value === null || typeof value !== 'object') return null;
		value = (value as Record<string, unknown>)[key];
	}
	return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * The registers' key figures in German, one line per register, from a snapshot's summaries. Reads
 * defensively: summaries of an older app version may lack a figure, which is then left out.
 */
export function registerKeyFigures(summaries: Record<string, unknown> | null): string[] {
	if (!summaries) return [];
	const lines: string[] = [];
	const held = numberAt(summaries, 'officeHours', 'sessionsHeld');
	if (held !== null) {
		const minutes = numberAt(summaries, 'officeHours', 'minutes') ?? 0;
		const contacts = numberAt(summaries, 'officeHours', 'contacts') ?? 0;
		lines.push(
			`Sprechstunden: ${held} gehalten, ${(Math.round(minutes / 6) / 10).toLocaleString('de-DE')} Std., ${plural(contacts, 'Kontakt', 'Kontakte')}`
		);
	}
	const offers = numberAt(summaries, 'familyEducation', 'offers');
	if (offers !== null) {
		const sessions = numberAt(summaries, 'familyEducation', 'sessions') ?? 0;
		const participants = numberAt(summaries, 'familyEducation', 'participants') ?? 0;
		lines.push(
			`Familienbildung: ${plural(offers, 'Angebot', 'Angebote')}, ${plural(sessions, 'Termin', 'Termine')}, ${plural(participants, 'Teilnahme', 'Teilnahmen')}`
		);
	}
	const childminding = numberAt(summaries, 'childminding', 'contacts');
	if (childminding !== null) lines.push(`Kindertagespflege: ${plural(childminding, 'Kontakt', 'Kontakte')}`);
	const partners = numberAt(summaries, 'partners', 'partners');
	if (partners !== null) {
		// In force: also agreements that end before the re-certification or soon (the register's
		// „gültig“ column counts those too; they are warned about, not invalid).
		const inForce =
			numberAt(summaries, 'partners', 'inForce') ?? numberAt(summaries, 'partners', 'byStatus', 'valid') ?? 0;
		lines.push(`Kooperationspartner: ${partners}, davon ${inForce} mit gültiger Vereinbarung`);
	}
	const prevention = (summaries.prevention as { offersActive?: unknown } | undefined)?.offersActive;
	if (Array.isArray(prevention))
		lines.push(`Prävention: ${plural(prevention.length, 'laufendes Angebot', 'laufende Angebote')}`);
	return lines;
}
