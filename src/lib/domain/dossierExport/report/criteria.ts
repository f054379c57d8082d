import type { Content } from 'pdfmake/interfaces';
import type { Area, Criterion } from '../../catalogue/schema';
import { type CriterionFeedback } from '../../dossier/feedback';
import { feedbackVerdictLabels } from '../../dossier/verdicts';
import { type FeedbackMessage } from '../../dossier/feedbackThread';
import { threadOf } from '../../dossier/threadState';
import type { DossierEvidence, DossierStatus } from '../../dossier/snapshot';
import { evidenceByCriterion } from '../../dossier/views';
import { plural } from '../../plural';
import { criterionStatusLabels, evidenceKindLabels } from '../../records';
import { fileNameKey } from '../exportPlan';
import { areaKindLabels } from './cover';
import type { ReportInput } from './input';
import { dateDe, dateTimeDe } from './text';

/** Each criterion of the dossier with its status, note, evidence and the advisor's feedback. */

export const MISSING_FILE_TEXT = 'Datei fehlt';
const THUMBNAIL_SIZE = 72;
const SHORT_NOTE = 600;

/** The image key of a photo's thumbnail in the document's `images`. */
export function thumbnailKey(sha256: string): string {
	return `foto-${sha256}`;
}

function statusText(status: DossierStatus | undefined, byParts: boolean): string {
	const value = status?.status ?? 'offen';
	if (byParts && value !== 'erfuellt' && value !== 'nicht_zutreffend') return 'Erfüllt durch Teilkriterien';
	return criterionStatusLabels[value];
}

function fileText(input: ReportInput, criterionId: string, e: DossierEvidence): string | null {
	if (e.attachment) {
		if (input.missing?.has(e.attachment.sha256)) return `${MISSING_FILE_TEXT}: ${e.attachment.fileName}`;
		const name = input.plan.fileNames.get(fileNameKey(criterionId, e.id));
		return `Datei: ${name ?? e.attachment.fileName}`;
	}
	if (e.url) return `Link: ${e.url}`;
	return null;
}

function evidenceItem(input: ReportInput, criterionId: string, e: DossierEvidence): Content {
	const dates = [`vom ${dateDe(e.date)}`, e.validUntil ? `gültig bis ${dateDe(e.validUntil)}` : null];
	const file = fileText(input, criterionId, e);
	const lines: Content[] = [
		{ text: [{ text: e.title || 'Ohne Titel', bold: true }, ` (${evidenceKindLabels[e.kind]})`] },
		{ text: dates.filter(Boolean).join(', '), style: 'small' }
	];
	if (file) lines.push({ text: file, style: file.startsWith(MISSING_FILE_TEXT) ? 'warnSmall' : 'small' });
	if (e.note) lines.push({ text: e.note, style: 'small' });
	const sha = e.attachment?.sha256;
	if (e.kind === 'photo' && sha && input.thumbnails?.has(sha) && !input.missing?.has(sha)) {
		return {
			columns: [
				{ image: thumbnailKey(sha), fit: [THUMBNAIL_SIZE, THUMBNAIL_SIZE], width: THUMBNAIL_SIZE },
				{ stack: lines, width: '*' }
			],
			columnGap: 8,
			margin: [0, 0, 0, 4],
			unbreakable: true
		};
	}
	return { stack: lines, margin: [0, 0, 0, 4], unbreakable: true };
}

function feedbackBlock(feedback: CriterionFeedback | undefined, thread: FeedbackMessage[]): Content[] {
	if (!feedback && thread.length === 0) return [];
	const blocks: Content[] = [{ text: 'Rückmeldung der Fachberatung', style: 'h4' }];
	if (feedback) {
		const about = feedback.dossierVersion ? ` zu Version ${feedback.dossierVersion}` : '';
		blocks.push({
			text: [
				{ text: `${feedbackVerdictLabels[feedback.verdict]}`, bold: true },
				` – ${feedback.reviewerName || 'Fachberatung'}, ${dateTimeDe(feedback.updatedAt)}${about}`
			]
		});
		if (feedback.text) blocks.push({ text: feedback.text });
		if (feedback.resolvedAt)
			blocks.push({
				text: `Erledigt am ${dateTimeDe(feedback.resolvedAt)}${feedback.resolvedBy ? ` von ${feedback.resolvedBy}` : ''}`,
				style: 'small'
			});
	}
	if (thread.length > 0) blocks.push({ text: 'Verlauf', style: 'label', margin: [0, 4, 0, 0] });
	for (const m of thread) {
		const role = m.author === 'fachberatung' ? 'Fachberatung' : 'Einrichtung';
		const who = m.authorName ? `${m.authorName} (${role})` : role;
		const what =
			m.kind === 'rueckmeldung' && m.verdict
				? feedbackVerdictLabels[m.verdict]
				: m.kind === 'antwort'
					? 'Antwort'
					: 'Erledigt';
		blocks.push({
			text: [
				{ text: `${what}: `, bold: true },
				m.text || '–',
				{ text: ` – ${who}, ${dateTimeDe(m.createdAt)}`, style: 'small' }
			],
			margin: [8, 2, 0, 0]
		});
	}
	// A shaded box: a table cell is what pdfmake fills with a colour.
	return [
		{
			table: { widths: ['*'], body: [[{ stack: blocks, fillColor: '#f1f3f5', margin: [6, 4, 6, 6] }]] },
			layout: 'noBorders',
			margin: [0, 4, 0, 0]
		}
	];
}

interface CriterionContext {
	input: ReportInput;
	statuses: ReadonlyMap<string, DossierStatus>;
	evidence: ReadonlyMap<string, DossierEvidence[]>;
	metByParts: ReadonlySet<string>;
	feedback: ReadonlyMap<string, CriterionFeedback>;
}

/**
 * One criterion. Its head (with the area's heading before the area's first criterion) stays on one
 * page, so no heading is left alone at the foot of a page; so does each evidence item.
 */
function criterionBlock(
	ctx: CriterionContext,
	criterion: Pick<Criterion, 'id' | 'title' | 'level' | 'points'> & { known: boolean },
	lead: Content | null
): Content {
	const status = ctx.statuses.get(criterion.id);
	const cited = ctx.evidence.get(criterion.id) ?? [];
	const level = criterion.known
		? `${criterion.level === 'basis' ? 'Basis' : 'Aufbau'}, ${plural(criterion.points, 'Punkt', 'Punkte')}`
		: 'nicht im Katalog dieser Version';
	const head: Content[] = [
		{
			text: [
				{ text: `${criterion.id} `, bold: true },
				{ text: criterion.title, bold: true },
				{ text: `  ${level}`, style: 'small' }
			],
			style: 'h3',
			headlineLevel: 3
		},
		{
			text: [
				{ text: 'Stand: ', style: 'label' },
				{ text: statusText(status, ctx.metByParts.has(criterion.id)), bold: true }
			]
		}
	];
	if (lead) head.unshift(lead);
	// A long note may fill pages and must be free to break; a short one stays with its heading.
	const shortNote = status?.note && status.note.length <= SHORT_NOTE;
	if (shortNote) head.push({ text: status.note, margin: [0, 2, 0, 0] });
	const blocks: Content[] = [{ stack: head, unbreakable: true }];
	if (status?.note && !shortNote) blocks.push({ text: status.note, margin: [0, 2, 0, 0] });
	const label: Content = {
		text: cited.length === 0 ? 'Keine Nachweise.' : `Nachweise (${cited.length}):`,
		style: 'label',
		margin: [0, 4, 0, 2]
	};
	const items = cited.map((e) => evidenceItem(ctx.input, criterion.id, e));
	// The label goes with the first item.
	blocks.push(items.length > 0 ? { stack: [label, items[0]], unbreakable: true } : label, ...items.slice(1));
	const thread = ctx.input.messages ? threadOf(ctx.input.messages, criterion.id) : [];
	blocks.push(...feedbackBlock(ctx.feedback.get(criterion.id), thread));
	return { stack: blocks, margin: [0, 0, 0, 12] };
}

/** Areas in catalogue order: all Leistungs- and Strukturbereiche, Profilbereiche only when chosen. */
export function reportAreas(input: ReportInput): Area[] {
	const chosen = new Set(input.snapshot.chosenProfileAreas);
	return input.catalogue.areas.filter((a) => a.kind !== 'profil' || chosen.has(a.id));
}

export function criteriaSection(input: ReportInput): Content[] {
	const { snapshot, catalogue } = input;
	const ctx: CriterionContext = {
		input,
		statuses: new Map(snapshot.statuses.map((s) => [s.criterionId, s])),
		evidence: evidenceByCriterion(snapshot),
		metByParts: new Set(snapshot.readiness.metByParts ?? []),
		feedback: new Map(input.feedback.filter((f) => !f.deleted).map((f) => [f.criterionId, f]))
	};
	const content: Content[] = [{ text: 'Kriterien', style: 'h1', pageBreak: 'before' }];
	for (const area of reportAreas(input)) {
		const heading: Content = {
			text: `${areaKindLabels[area.kind]} ${area.id}: ${area.title}`,
			style: 'h2',
			headlineLevel: 2
		};
		const criteria = catalogue.criteria.filter((c) => c.areaId === area.id);
		if (criteria.length === 0) content.push(heading);
		criteria.forEach((criterion, i) =>
			content.push(criterionBlock(ctx, { ...criterion, known: true }, i === 0 ? heading : null))
		);
	}
	// Evidence or statuses for criteria this catalogue version lacks (e.g. renumbered later) stay visible.
	const known = new Set(catalogue.criteria.map((c) => c.id));
	const unknown = [...new Set([...ctx.statuses.keys(), ...ctx.evidence.keys(), ...ctx.feedback.keys()])]
		.filter((id) => !known.has(id))
		.sort((a, b) => a.localeCompare(b, 'de', { numeric: true }));
	if (unknown.length > 0) {
		const heading: Content = { text: 'Weitere Kriterien', style: 'h2', headlineLevel: 2 };
		unknown.forEach((id, i) =>
			content.push(
				criterionBlock(
					ctx,
					{ id, title: '', level: 'basis', points: 0, known: false },
					i === 0 ? heading : null
				)
			)
		);
	}
	return content;
}
