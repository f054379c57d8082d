import type { CarryOverPlan } from './carryOver';
import type { CatalogueDiff } from './diff';

/** The German lines the preview shows, with correct singular and plural. */

function n(count: number, one: string, many: string): string {
	return `${count} ${count === 1 ? one : many}`;
}

function lines(entries: [count: number, line: (count: number) => string][]): string[] {
	return entries.filter(([count]) => count > 0).map(([count, line]) => line(count));
}

export function summarizeDiff(diff: CatalogueDiff): string[] {
	const found = lines([
		[diff.added.length, (c) => n(c, 'neues Kriterium', 'neue Kriterien')],
		[diff.removed.length, (c) => n(c, 'Kriterium entfällt', 'Kriterien entfallen')],
		[diff.renamed.length, (c) => n(c, 'Kriterium umbenannt', 'Kriterien umbenannt')],
		[diff.mapped.length, (c) => n(c, 'neue Nummer laut Zuordnung', 'neue Nummern laut Zuordnung')],
		[diff.moved.length, (c) => `${n(c, 'Kriterium', 'Kriterien')} in anderem Bereich oder Block`],
		[diff.pointsChanged.length, (c) => `Punkte geändert bei ${n(c, 'Kriterium', 'Kriterien')}`],
		[diff.levelChanged.length, (c) => `Basis/Aufbau geändert bei ${n(c, 'Kriterium', 'Kriterien')}`],
		[diff.itemsAdded.length, (c) => n(c, 'neuer Unterpunkt', 'neue Unterpunkte')],
		[diff.itemsRemoved.length, (c) => n(c, 'Unterpunkt entfällt', 'Unterpunkte entfallen')]
	]);
	return found.length > 0 ? found : ['Keine Änderungen an Kriterien und Unterpunkten'];
}

export function summarizeCarryOver(plan: CarryOverPlan): string[] {
	const { statuses, evidence, qualifications, citations } = plan;
	const merged = statuses.moves.filter((m) => m.fromIds.length > 1).length;
	return lines([
		[statuses.kept, (c) => `${n(c, 'Status bleibt', 'Status bleiben')} unverändert`],
		[statuses.moves.length, (c) => `${n(c, 'Status wird', 'Status werden')} auf die neue Nummer übertragen`],
		[
			merged,
			(c) =>
				`${n(c, 'Kriterium erhält', 'Kriterien erhalten')} den Status mehrerer alter Kriterien: der bessere gilt, die Notizen werden verbunden`
		],
		[
			statuses.dropped.length,
			(c) => `${n(c, 'Status zählt', 'Status zählen')} nicht mehr, weil das Kriterium entfällt`
		],
		[evidence.updates.length, (c) => `${n(c, 'Nachweis wird', 'Nachweise werden')} neu zugeordnet`],
		[
			evidence.withoutCriterion.length,
			(c) =>
				c === 1
					? '1 Nachweis ist danach ohne Kriterium (er bleibt gespeichert)'
					: `${c} Nachweise sind danach ohne Kriterium (sie bleiben gespeichert)`
		],
		[
			qualifications.updates.length,
			(c) => `${n(c, 'Qualifikation wird', 'Qualifikationen werden')} neu zugeordnet`
		],
		[
			qualifications.withoutCriterion.length,
			(c) => `${n(c, 'Qualifikation ist', 'Qualifikationen sind')} danach ohne Kriterium`
		],
		[
			citations.moves.length,
			(c) => `${n(c, 'Registereintrag wird', 'Registereinträge werden')} neu zugeordnet`
		],
		[
			citations.dropped.length,
			(c) =>
				`${n(c, 'Registereintrag zählt', 'Registereinträge zählen')} nicht mehr, weil das Kriterium entfällt`
		]
	]);
}
