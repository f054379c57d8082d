import { criterionRuleSchema } from '../criterionRules/schema';
import { quote, valueAt, type Json } from './catalogueMessages';
import type { PathSegment } from './jsonLocator';
import {
	areaSchema,
	blockSchema,
	CATALOGUE_FORMAT_2,
	catalogueSchema,
	criterionItemSchema,
	criterionSchema,
	evidenceRequirementSchema,
	minimumSchema,
	overallMinimumSchema,
	thresholdSchema,
	variantApplicabilitySchema,
	versionMappingSchema
} from './schema';

/**
 * Fields the schemas do not know, found before zod runs: zod would drop them silently, so a misspelt
 * field („punkte“) would vanish. Filters and expressions are strict objects: zod reports those.
 */

/** Fields format 2 added; a file that says it is format 1 must not use them (they would be ignored). */
const format2Only = new Set([
	'secondHalfStarts',
	'mappings',
	'blocks',
	'blockId',
	'items',
	'thresholds',
	'requires',
	'appliesTo',
	'evidenceRequirements',
	'perSite'
]);

const listOf: Record<string, readonly string[]> = {
	blocks: Object.keys(blockSchema.shape),
	items: Object.keys(criterionItemSchema.shape),
	thresholds: Object.keys(thresholdSchema.shape),
	evidenceRequirements: Object.keys(evidenceRequirementSchema.shape)
};

/** Fields each kind of object may have, taken from the schemas, so a misspelt field never vanishes. */
function knownKeysAt(data: Json, segments: readonly PathSegment[]): readonly string[] | null {
	const [first, index, second, ruleIndex] = segments;
	const n = segments.length;
	if (n === 0) return Object.keys(catalogueSchema.shape);
	if (n === 1 && first === 'overallMinimum') return Object.keys(overallMinimumSchema.shape);
	if (n === 2 && first === 'areas' && typeof index === 'number') return Object.keys(areaSchema.shape);
	if (n === 3 && first === 'areas' && second === 'minimum') return Object.keys(minimumSchema.shape);
	if (n === 2 && first === 'criteria' && typeof index === 'number') return Object.keys(criterionSchema.shape);
	if (n === 2 && first === 'mappings' && typeof index === 'number')
		return Object.keys(versionMappingSchema.shape);
	if (n === 3 && first === 'criteria' && second === 'appliesTo')
		return Object.keys(variantApplicabilitySchema.shape);
	if (
		n === 4 &&
		(first === 'criteria' || first === 'areas') &&
		typeof second === 'string' &&
		typeof ruleIndex === 'number'
	)
		if (second in listOf) return listOf[second];
	if (n === 4 && first === 'criteria' && second === 'rules' && typeof ruleIndex === 'number') {
		const kind = valueAt(data, [...segments, 'kind']).value;
		const option = criterionRuleSchema.options.find((o) => o.shape.kind.value === kind);
		return option ? Object.keys(option.shape) : null;
	}
	return null;
}

/** Every unknown field below `segments`, or a format-2 field in a file that says it is format 1. */
export function unknownKeyErrors<T>(
	data: Json,
	segments: PathSegment[],
	errorAt: (segments: PathSegment[], message: string) => T,
	format1: boolean
): T[] {
	const value = valueAt(data, segments).value;
	if (value === null || typeof value !== 'object') return [];
	if (Array.isArray(value))
		return value.flatMap((_, i) => unknownKeyErrors(data, [...segments, i], errorAt, format1));
	const known = knownKeysAt(data, segments);
	return Object.keys(value).flatMap((key) =>
		format1 && known?.includes(key) && format2Only.has(key)
			? [
					errorAt(
						[...segments, key],
						`Das Feld „${key}“ gibt es erst in Format 2. Stelle „format“ auf „${CATALOGUE_FORMAT_2}“ um.`
					)
				]
			: known && !known.includes(key)
				? [
						errorAt(
							[...segments, key],
							`Unbekanntes Feld „${key}“ (Tippfehler?). Möglich sind hier: ${known.map(quote).join(', ')}.`
						)
					]
				: unknownKeyErrors(data, [...segments, key], errorAt, format1)
	);
}
