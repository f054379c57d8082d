import type { Content } from 'pdfmake/interfaces';
import { registerKeyFigures } from '../../dossier/views';
import { plural } from '../../plural';
import { REGISTER_FOLDER } from '../exportPlan';
import type { ReportInput } from './input';

/** The registers' key figures for the period and the register tables the export carries. */
export function registerSection(input: ReportInput): Content[] {
	const { snapshot } = input;
	const figures = registerKeyFigures(snapshot.registerSummaries);
	const tables = snapshot.registerTables ?? [];
	const content: Content[] = [
		{ text: `Register im Betrachtungszeitraum ${snapshot.period.label}`, style: 'h1', pageBreak: 'before' },
		figures.length > 0
			? { ul: figures, margin: [0, 0, 0, 8] }
			: { text: 'Diese Mappe enthält keine Register-Zahlen.', margin: [0, 0, 0, 8] }
	];
	if (tables.length > 0) {
		content.push(
			{ text: `Register-Tabellen (Ordner „${REGISTER_FOLDER}“ im Export)`, style: 'h2' },
			{
				ul: tables.map((t) => ({
					text: [
						{ text: t.title, bold: true },
						`: ${plural(t.rows, 'Eintrag', 'Einträge')}, Datei ${t.fileName}`
					]
				}))
			}
		);
	} else if (snapshot.registerTables === undefined) {
		content.push({
			text: 'Diese Abgabe wurde vor den Register-Tabellen gemacht; sie enthält keine.',
			style: 'small'
		});
	}
	return content;
}
