import { describePlace, describeType, quote, translateIssue, valueAt, type Json } from './catalogueMessages';
import { toFormat2 } from './convertFormat1';
import { crossCheck, type CheckView } from './crossChecks';
import { formatPath, lineOf, locateJson, type DuplicateKey, type PathSegment } from './jsonLocator';
import {
	areaSchema,
	CATALOGUE_FORMAT_1,
	CATALOGUE_FORMAT_2,
	catalogueSchema,
	criterionSchema,
	overallMinimumSchema,
	reviewPeriodKindSchema,
	versionMappingSchema,
	type Catalogue
} from './schema';
import { unknownKeyErrors } from './unknownFields';

export { describePlace } from './catalogueMessages';

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
	| {
			ok: true;
			catalogue: Catalogue;
			/** The file was in format 1 and has been converted (./convertFormat1). */
			convertedFromFormat1?: true;
	  }
	| { ok: false; errors: CatalogueError[] };

/** The format a new catalogue file is written in; format-1 files are still read and converted. */
export const CATALOGUE_FORMAT = CATALOGUE_FORMAT_2;

/** An error with its path as segments, for callers that answer with a path array (the server). */
export type LocatedCatalogueError = CatalogueError & { segments: PathSegment[] };

type ErrorAt = (segments: PathSegment[], message: string) => LocatedCatalogueError;

/** What can be read of a catalogue that failed validation; null if its lists are not even lists. */
function lenientView(data: Json): CheckView | null {
	const rawAreas = valueAt(data, ['areas']).value;
	const rawCriteria = valueAt(data, ['criteria']).value;
	const rawMappings = valueAt(data, ['mappings']).value;
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
		overallMinimum: overallMinimumSchema.safeParse(valueAt(data, ['overallMinimum']).value).data ?? null,
		version: text(data, 'version'),
		mappings: Array.isArray(rawMappings)
			? rawMappings.map((m) => versionMappingSchema.safeParse(m).data ?? null)
			: null,
		reviewPeriod: reviewPeriodKindSchema.safeParse(valueAt(data, ['reviewPeriod']).value).data ?? null,
		secondHalfStarts: text(data, 'secondHalfStarts')
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
	const result = checkCatalogue(JSON.parse(source), located.lines, located.duplicateKeys);
	return result.ok
		? result
		: { ok: false, errors: result.errors.map(({ segments: _segments, ...error }) => error) };
}

export type CheckCatalogueResult =
	| { ok: true; catalogue: Catalogue; convertedFromFormat1?: true }
	| { ok: false; errors: LocatedCatalogueError[] };

/**
 * The same checks for a value that arrived as parsed JSON (the admin's upload): no lines, but the
 * same German messages and places. A format-1 catalogue comes back in format 2.
 */
export function checkCatalogueData(data: unknown): CheckCatalogueResult {
	return checkCatalogue(data, new Map(), []);
}

function checkCatalogue(
	data: Json,
	lines: Map<string, number>,
	duplicateKeys: readonly DuplicateKey[]
): CheckCatalogueResult {
	const errorAt: ErrorAt = (segments, message) => ({
		path: formatPath(segments),
		place: describePlace(data, segments),
		line: lineOf(lines, segments),
		message,
		segments
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
	if (format.value !== CATALOGUE_FORMAT_1 && format.value !== CATALOGUE_FORMAT_2)
		return {
			ok: false,
			errors: [
				errorAt(
					['format'],
					format.found
						? `Die Formatkennung ${typeof format.value === 'string' ? quote(format.value) : describeType(format.value)} ist unbekannt. Eine Katalogdatei beginnt mit "format": "${CATALOGUE_FORMAT}" (ältere Dateien: "${CATALOGUE_FORMAT_1}").`
						: `Das ist keine Katalogdatei: Das Feld „format“ mit dem Wert „${CATALOGUE_FORMAT}“ fehlt.`
				)
			]
		};

	const errors: LocatedCatalogueError[] = duplicateKeys.map((duplicate) => ({
		...errorAt(
			duplicate.segments,
			'Dieses Feld steht doppelt im selben Eintrag; nur die letzte Angabe würde zählen.'
		),
		line: duplicate.line
	}));
	errors.push(...unknownKeyErrors(data, [], errorAt, format.value === CATALOGUE_FORMAT_1));

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
	return result.data.format === CATALOGUE_FORMAT_1
		? { ok: true, catalogue: toFormat2(result.data), convertedFromFormat1: true }
		: { ok: true, catalogue: result.data };
}
