import type { Content, TableCell } from 'pdfmake/interfaces';
import { verdictAsksCentre } from '../../dossier/verdicts';
import type { DossierReadiness } from '../../dossier/snapshot';
import { plural } from '../../plural';
import { periodLabelWithDays, roundFormLabels, roundKindLabels } from '../../rounds/labels';
import type { ReportInput } from './input';
import { dateDe, dateTimeDe } from './text';

/** The report's first page: who handed in what, for which round, and the result per area. */

export const areaKindLabels = {
	leistung: 'Leistungsbereich',
	struktur: 'Strukturbereich',
	profil: 'Profilbereich'
} as const;

function facts(rows: [string, string][]): Content {
	return {
		table: {
			widths: [150, '*'],
			body: rows.map(([label, value]): TableCell[] => [{ text: label, style: 'label' }, value])
		},
		layout: 'noBorders',
		margin: [0, 0, 0, 12]
	};
}

function roundFacts(input: ReportInput): [string, string][] {
	const { round, period } = input.snapshot;
	if (!round) return [['Betrachtungszeitraum', period.label]];
	return [
		['Zertifizierung', `${roundKindLabels[round.kind]}, ${roundFormLabels[round.form]}`],
		['Prüfzeitraum', periodLabelWithDays(round).replace(/^Prüfzeitraum /, '')],
		['Betrachtungszeitraum der Mappe', period.label],
		['Unterlagen fällig', dateDe(round.documentsDue)],
		['Vor-Ort-Termin', dateDe(round.siteVisitDate)]
	];
}

function handInFacts(input: ReportInput): [string, string][] {
	const { snapshot, version, submittedBy, receivedAt, madeAt } = input;
	return [
		[
			'Abgabe',
			version === null
				? 'wartet auf diesem Gerät, noch nicht beim Server'
				: `Version ${version}, eingegangen ${receivedAt ? dateTimeDe(receivedAt) : '–'}`
		],
		['Eingereicht von', submittedBy || '–'],
		['Zusammengestellt', `${dateTimeDe(snapshot.preparedAt)} von ${snapshot.preparedBy || '–'}`],
		['Bericht erstellt', dateTimeDe(madeAt)]
	];
}

function feedbackLine(input: ReportInput): string {
	const given = input.feedback.filter((f) => !f.deleted);
	if (given.length === 0) return 'keine';
	const open = given.filter((f) => verdictAsksCentre(f.verdict) && !f.resolvedAt).length;
	return `zu ${plural(given.length, 'Kriterium', 'Kriterien')}, davon ${open} offen`;
}

function catalogueLine(input: ReportInput): string {
	const { catalogue } = input.snapshot;
	const status = catalogue.official ? '' : ' – Arbeitsfassung, nicht amtlich';
	return `${catalogue.title} (Version ${catalogue.version})${status}`;
}

export function coverPage(input: ReportInput): Content[] {
	const { facility } = input.snapshot;
	return [
		{ text: 'Gütesiegel-Mappe', style: 'kicker' },
		{ text: facility.name, style: 'title' },
		facts([
			['Familienzentrum', facility.name],
			['Träger', facility.traeger || '–'],
			...roundFacts(input),
			['Gütesiegel gültig bis', dateDe(facility.sealValidUntil)],
			['Kriterienkatalog', catalogueLine(input)],
			...handInFacts(input),
			['Rückmeldungen der Fachberatung', feedbackLine(input)]
		])
	];
}

function meets(value: number, required: number): string {
	return `${value} von mindestens ${required}`;
}

function verdict(passes: boolean): TableCell {
	return { text: passes ? 'erfüllt' : 'nicht erfüllt', style: passes ? 'ok' : 'warn' };
}

/** Points and Basis criteria per area against the minimums, then the overall result. */
export function resultTable(readiness: DossierReadiness): Content[] {
	const head: TableCell[] = ['Bereich', 'Punkte', 'Basis-Kriterien', 'Ergebnis'].map((text) => ({
		text,
		style: 'tableHead'
	}));
	const rows = readiness.areas.map((area): TableCell[] => [
		{ text: `${areaKindLabels[area.kind]} ${area.areaId}: ${area.title}` },
		`Punkte ${meets(area.points, area.pointsRequired)}`,
		meets(area.basisMet, area.basisRequired),
		verdict(area.passes)
	]);
	const { overall } = readiness;
	const totals: TableCell[][] = [
		[
			{ text: 'Gesamt', bold: true },
			`Punkte ${meets(overall.points, overall.pointsRequired)}`,
			'',
			verdict(overall.points >= overall.pointsRequired)
		],
		[
			{ text: 'Basis in den Leistungsbereichen', bold: true },
			'',
			meets(overall.basisLeistung, overall.basisLeistungRequired),
			verdict(overall.basisLeistung >= overall.basisLeistungRequired)
		],
		[
			{ text: 'Basis in den Strukturbereichen', bold: true },
			'',
			meets(overall.basisStruktur, overall.basisStrukturRequired),
			verdict(overall.basisStruktur >= overall.basisStrukturRequired)
		]
	];
	const missing = readiness.areas.filter((a) => !a.passes);
	return [
		{ text: 'Ergebnis nach Bereichen', style: 'h2' },
		{
			table: { headerRows: 1, widths: ['*', 132, 100, 62], body: [head, ...rows, ...totals] },
			layout: 'lightHorizontalLines',
			margin: [0, 0, 0, 8]
		},
		{
			text: readiness.passes
				? 'Alle Mindestanforderungen sind erreicht.'
				: missing.length > 0
					? `Noch nicht alle Mindestanforderungen sind erreicht: ${plural(missing.length, 'Bereich', 'Bereiche')} unter dem Minimum.`
					: 'Noch nicht alle Mindestanforderungen sind erreicht.',
			style: readiness.passes ? 'ok' : 'warn',
			margin: [0, 0, 0, 4]
		},
		...readiness.explanations.map((text): Content => ({ text, style: 'small' }))
	];
}
