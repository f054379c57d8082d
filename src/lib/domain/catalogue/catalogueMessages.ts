import type { z } from 'zod';
import type { PathSegment } from './jsonLocator';

/**
 * The German words of the catalogue import: where in the file („Kriterium 13 (ID 3.2) › Punkte“) and
 * what is wrong, translated from zod's issues so that whoever transcribes a catalogue can act on them.
 */

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
	arrangementKind: 'Art der Vereinbarung',
	secondHalfStarts: 'Beginn der zweiten Hälfte',
	mappings: 'Zuordnungen',
	fromVersion: 'Von Version',
	blocks: 'Blöcke',
	blockId: 'Block',
	items: 'Unterpunkte',
	thresholds: 'Schwellenwerte',
	requires: 'Bedingung',
	appliesTo: 'Gilt für',
	forms: 'Formen',
	kinds: 'Zertifizierungsarten',
	evidenceRequirements: 'Nachweisanforderungen',
	perSite: 'Je Standort',
	label: 'Bezeichnung',
	source: 'Quelle',
	per: 'Zeitfenster',
	months: 'Monate',
	where: 'Filter',
	minSessions: 'Mindestzahl Termine',
	weekend: 'Wochenende',
	contactKinds: 'Kontaktarten',
	qualificationKinds: 'Qualifizierungsarten',
	minHours: 'Mindeststunden',
	maxAgeYears: 'Höchstalter in Jahren',
	newEachRound: 'In jeder Runde neu',
	und: 'UND',
	oder: 'ODER'
};

const listItemNames: Record<string, string> = {
	areas: 'Bereich',
	criteria: 'Kriterium',
	rules: 'Regel',
	blocks: 'Block',
	items: 'Unterpunkt',
	thresholds: 'Schwellenwert',
	evidenceRequirements: 'Nachweis',
	mappings: 'Zuordnung'
};

export type Json = unknown;

export function valueAt(data: Json, segments: readonly PathSegment[]): { found: boolean; value: Json } {
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
			const name = typeof parent === 'string' ? listItemNames[parent] : undefined;
			if (name) parts[parts.length - 1] = `${name} ${segment + 1}${idSuffix(item)}`;
			else parts.push(`Eintrag ${segment + 1}`);
		} else {
			parts.push(fieldLabels[segment] ?? `„${segment}“`);
		}
	}
	return parts.join(' › ');
}

export function describeType(value: Json): string {
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

export const quote = (v: unknown) => `„${String(v)}“`;

export function translateIssue(issue: z.core.$ZodIssue, data: Json): string {
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
			// A message the schema wrote itself is German already („ODER verbindet mindestens zwei Teile“).
			if (issue.origin === 'array' && !issue.message.startsWith('Too small')) return `${issue.message}.`;
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
		case 'unrecognized_keys':
			return `Unbekannte${issue.keys.length === 1 ? 's Feld' : ' Felder'} ${issue.keys.map(quote).join(', ')} (Tippfehler?).`;
		case 'invalid_union': {
			if (issue.path.includes('requires'))
				return `Eine Bedingung ist eine ID in Anführungszeichen oder ein Objekt {"und": […]} bzw. {"oder": […]} mit mindestens zwei Teilen, gefunden wurde ${describeType(value)}.`;
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
