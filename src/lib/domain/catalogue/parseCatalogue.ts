import type { z } from 'zod';
import { criterionRuleSchema } from '../criterionRules/schema';
import { crossCheck, type CheckView } from './crossChecks';
import { formatPath, lineOf, locateJson, type PathSegment } from './jsonLocator';
import {
	areaSchema,
	catalogueSchema,
	criterionSchema,
	minimumSchema,
	overallMinimumSchema,
	type Catalogue
} from './schema';

/**
 * Reads a catalogue file (e.g. the official catalogue, transcribed) and either returns the validated
 * catalogue or every problem found, each in German with a readable place and the line in the file,
 * so that whoever transcribed it can fix all of them in one go.
 */

export interface CatalogueError {
	/** Technical path, e.g. `criteria[12].points`; empty for the file as a whole. */
	path: string;
	/** German, e.g. „Kriterium 13 (ID 3.2) › Punkte“. */
	place: string;
	/** 1-based line in the file, or null where no line applies. */
	line: number | null;
	message: string;
}

export type ParseCatalogueResult =
	{ ok: true; catalogue: Catalogue } | { ok: false; errors: CatalogueError[] };

export const CATALOGUE_FORMAT = 'guetesiegel-katalog/1';

const fieldLabels: Record<string, string> = {
	format: 'Formatkennung',
	id: 'ID',
	version: 'Version',
	title: 'Titel',
	official: 'Amtlich',
	notice: 'Hinweis',
	validFrom: 'Gültig ab',
	reviewPeriod: 'Betrachtungszeitraum',
	areas: 'Bereiche',
	criteria: 'Kriterien',
	overallMinimum: 'Gesamtanforderung',
	kind: 'Art',
	description: 'Beschreibung',
	minimum: 'Mindestanforderung',
	points: 'Punkte',
	basisCount: 'Basiskriterien',
	basisLeistung: 'Basisleistungen',
	basisStruktur: 'Basisstrukturen',
	areaId: 'Bereich',
	level: 'Stufe',
	explanation: 'Erläuterung',
	typicalEvidence: 'Typische Nachweise',
	rules: 'Regeln',
	minMonths: 'Monate mit Sprechstunde',
	min: 'Mindestanzahl',
	offerKinds: 'Angebotsarten',
	partnerKind: 'Partnerart',
	arrangementKind: 'Art der Vereinbarung'
};

type Json = unknown;

function valueAt(data: Json, segments: readonly PathSegment[]): { found: boolean; value: Json } {
	let current: Json = data;
	for (const segment of segments) {
		if (current === null || typeof current !== 'object' || !Object.hasOwn(current, segment))
			return { found: false, value: undefined };
		current = (current as Record<string | number, Json>)[segment];
	}
	return { found: true, value: current };
}

function idSuffix(item: Json): string {
	const id = valueAt(item, ['id']).value;
	return typeof id === 'string' && id !== '' ? ` (ID ${id})` : '';
}

/** `['criteria', 12, 'points']` → „Kriterium 13 (ID 3.2) › Punkte“. */
export function describePlace(data: Json, segments: readonly PathSegment[]): string {
	if (segments.length === 0) return 'Datei';
	const parts: string[] = [];
	for (let i = 0; i < segments.length; i++) {
		const segment = segments[i];
		const parent = segments[i - 1];
		if (typeof segment === 'number') {
			const item = valueAt(data, segments.slice(0, i + 1)).value;
			if (parent === 'areas') parts[parts.length - 1] = `Bereich ${segment + 1}${idSuffix(item)}`;
			else if (parent === 'criteria') parts[parts.length - 1] = `Kriterium ${segment + 1}${idSuffix(item)}`;
			else if (parent === 'rules') parts[parts.length - 1] = `Regel ${segment + 1}`;
			else parts.push(`Eintrag ${segment + 1}`);
		} else {
			parts.push(fieldLabels[segment] ?? `„${segment}“`);
		}
	}
	return parts.join(' › ');
}

function describeType(value: Json): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'eine Liste';
	switch (typeof value) {
		case 'string':
			return `der Text „${value.length > 40 ? value.slice(0, 40) + '…' : value}“`;
		case 'number':
			return Number.isInteger(value) ? `die Zahl ${value}` : `die Kommazahl ${value}`;
		case 'boolean':
			return `der Wahrheitswert ${value}`;
		case 'object':
			return 'ein Objekt';
		default:
			return 'ein unbekannter Wert';
	}
}

const expectedLabels: Record<string, string> = {
	string: 'ein Text in Anführungszeichen',
	number: 'eine Zahl',
	int: 'eine ganze Zahl',
	boolean: 'true oder false',
	array: 'eine Liste […]',
	object: 'ein Objekt {…}'
};

const quote = (v: unknown) => `„${String(v)}“`;

function translateIssue(issue: z.core.$ZodIssue, data: Json): string {
	const { found, value } = valueAt(data, issue.path as PathSegment[]);
	const field = issue.path[issue.path.length - 1];
	switch (issue.code) {
		case 'invalid_type': {
			if (!found && typeof field === 'string') return `Das Pflichtfeld „${field}“ fehlt.`;
			const expected = expectedLabels[issue.expected] ?? issue.expected;
			return `Erwartet wird ${expected}, gefunden wurde ${describeType(value)}.`;
		}
		case 'too_small': {
			const min = Number(issue.minimum);
			if (issue.origin === 'string') return min <= 1 ? 'Darf nicht leer sein.' : `Mindestens ${min} Zeichen.`;
			if (issue.origin === 'array')
				return min <= 1
					? 'Die Liste braucht mindestens einen Eintrag.'
					: `Die Liste braucht mindestens ${min} Einträge.`;
			return `Der Wert muss mindestens ${min} sein, gefunden wurde ${describeType(value)}.`;
		}
		case 'too_big': {
			const max = Number(issue.maximum);
			if (issue.origin === 'string')
				return `Höchstens ${max} Zeichen erlaubt, hier sind es ${typeof value === 'string' ? value.length : 'mehr'}.`;
			if (issue.origin === 'array') return `Die Liste darf höchstens ${max} Einträge haben.`;
			return `Der Wert darf höchstens ${max} sein, gefunden wurde ${describeType(value)}.`;
		}
		case 'invalid_value':
			return `Ungültiger Wert ${typeof value === 'string' ? quote(value) : describeType(value)}. Erlaubt ${
				issue.values.length === 1 ? 'ist' : 'sind'
			}: ${issue.values.map(quote).join(', ')}.`;
		case 'invalid_union': {
			const options = 'options' in issue && Array.isArray(issue.options) ? issue.options : [];
			const allowed = options.length > 0 ? ` Erlaubt sind: ${options.map(quote).join(', ')}.` : '';
			if (!found && typeof field === 'string') return `Das Pflichtfeld „${field}“ fehlt.${allowed}`;
			return `Unbekannte Art ${typeof value === 'string' ? quote(value) : describeType(value)}.${allowed}`;
		}
		case 'invalid_format':
			if (issue.format === 'date')
				return `Kein gültiges Datum: erwartet wird JJJJ-MM-TT, z. B. 2026-08-01, gefunden wurde ${describeType(value)}.`;
			if (issue.format === 'regex' && !issue.message.startsWith('Invalid'))
				return `${issue.message} (gefunden: ${describeType(value)}).`;
			return `Das Format stimmt nicht, gefunden wurde ${describeType(value)}.`;
		case 'custom':
			return issue.message;
		default:
			return `Ungültiger Wert: ${describeType(value)}.`;
	}
}

/** Fields each kind of object may have, taken from the schemas, so a misspelt field never vanishes. */
function knownKeysAt(data: Json, segments: readonly PathSegment[]): readonly string[] | null {
	const [first, index, second, ruleIndex] = segments;
	const n = segments.length;
	if (n === 0) return Object.keys(catalogueSchema.shape);
	if (n === 1 && first === 'overallMinimum') return Object.keys(overallMinimumSchema.shape);
	if (n === 2 && first === 'areas' && typeof index === 'number') return Object.keys(areaSchema.shape);
	if (n === 3 && first === 'areas' && second === 'minimum') return Object.keys(minimumSchema.shape);
	if (n === 2 && first === 'criteria' && typeof index === 'number') return Object.keys(criterionSchema.shape);
	if (n === 4 && first === 'criteria' && second === 'rules' && typeof ruleIndex === 'number') {
		const kind = valueAt(data, [...segments, 'kind']).value;
		const option = criterionRuleSchema.options.find((o) => o.shape.kind.value === kind);
		return option ? Object.keys(option.shape) : null;
	}
	return null;
}

type ErrorAt = (segments: PathSegment[], message: string) => CatalogueError;

function unknownKeyErrors(data: Json, segments: PathSegment[], errorAt: ErrorAt): CatalogueError[] {
	const value = valueAt(data, segments).value;
	if (value === null || typeof value !== 'object') return [];
	if (Array.isArray(value)) return value.flatMap((_, i) => unknownKeyErrors(data, [...segments, i], errorAt));
	const known = knownKeysAt(data, segments);
	return Object.keys(value).flatMap((key) =>
		known && !known.includes(key)
			? [
					errorAt(
						[...segments, key],
						`Unbekanntes Feld „${key}“ (Tippfehler?). Möglich sind hier: ${known.map(quote).join(', ')}.`
					)
				]
			: unknownKeyErrors(data, [...segments, key], errorAt)
	);
}

/** What can be read of a catalogue that failed validation; null if its lists are not even lists. */
function lenientView(data: Json): CheckView | null {
	const rawAreas = valueAt(data, ['areas']).value;
	const rawCriteria = valueAt(data, ['criteria']).value;
	if (!Array.isArray(rawAreas) || !Array.isArray(rawCriteria)) return null;
	const text = (item: Json, key: string) => {
		const value = valueAt(item, [key]).value;
		return typeof value === 'string' ? value : null;
	};
	return {
		areaIds: rawAreas.map((a) => text(a, 'id')),
		areas: rawAreas.map((a) => areaSchema.safeParse(a).data ?? null),
		criterionIds: rawCriteria.map((c) => text(c, 'id')),
		criterionAreaIds: rawCriteria.map((c) => text(c, 'areaId')),
		criteria: rawCriteria.map((c) => criterionSchema.safeParse(c).data ?? null),
		overallMinimum: overallMinimumSchema.safeParse(valueAt(data, ['overallMinimum']).value).data ?? null
	};
}

export function parseCatalogue(text: string): ParseCatalogueResult {
	// Editors on Windows like to start UTF-8 files with a byte order mark, which JSON.parse refuses.
	const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
	const located = locateJson(source);
	if (!located.ok) {
		const { line, column, message } = located.error;
		return {
			ok: false,
			errors: [
				{
					path: '',
					place: `Zeile ${line}, Spalte ${column}`,
					line,
					message: `Die Datei ist kein gültiges JSON. ${message}`
				}
			]
		};
	}
	const data: Json = JSON.parse(source);
	const errorAt: ErrorAt = (segments, message) => ({
		path: formatPath(segments),
		place: describePlace(data, segments),
		line: lineOf(located.lines, segments),
		message
	});

	if (data === null || typeof data !== 'object' || Array.isArray(data))
		return {
			ok: false,
			errors: [
				errorAt(
					[],
					`Die Datei muss ein JSON-Objekt ({…}) mit den Feldern eines Katalogs enthalten, gefunden wurde ${describeType(data)}.`
				)
			]
		};

	// Anything else (a backup, another app's file) would drown in follow-up errors: stop here.
	const format = valueAt(data, ['format']);
	if (format.value !== CATALOGUE_FORMAT)
		return {
			ok: false,
			errors: [
				errorAt(
					['format'],
					format.found
						? `Die Formatkennung ${typeof format.value === 'string' ? quote(format.value) : describeType(format.value)} ist unbekannt. Eine Katalogdatei beginnt mit "format": "${CATALOGUE_FORMAT}".`
						: `Das ist keine Katalogdatei: Das Feld „format“ mit dem Wert „${CATALOGUE_FORMAT}“ fehlt.`
				)
			]
		};

	const errors: CatalogueError[] = located.duplicateKeys.map((duplicate) => ({
		...errorAt(
			duplicate.segments,
			'Dieses Feld steht doppelt im selben Eintrag; nur die letzte Angabe würde zählen.'
		),
		line: duplicate.line
	}));
	errors.push(...unknownKeyErrors(data, [], errorAt));

	const result = catalogueSchema.safeParse(data);
	if (!result.success) {
		for (const issue of result.error.issues) {
			const segments = issue.path.filter((s): s is PathSegment => typeof s !== 'symbol');
			errors.push(errorAt(segments, translateIssue(issue, data)));
		}
		// The schema runs its cross-checks only once every field is valid; run them on what is valid
		// here too, so that a duplicate id or a wrong area shows up now, not after the next attempt.
		const reported = new Set(errors.map((e) => `${e.path}\n${e.message}`));
		const view = lenientView(data);
		for (const issue of view ? crossCheck(view) : []) {
			const error = errorAt(issue.path, issue.message);
			if (!reported.has(`${error.path}\n${error.message}`)) errors.push(error);
		}
	}
	if (!result.success || errors.length > 0) {
		// Stable sort: problems in the order of the file, those without a line first.
		errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
		return { ok: false, errors };
	}
	return { ok: true, catalogue: result.data };
}
