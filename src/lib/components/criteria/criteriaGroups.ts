import type { Area, Block, Criterion } from '$lib/domain/catalogue/schema';

/**
 * How the criteria list is laid out within an area: by block where the catalogue has blocks
 * (4H, 4B, 4F, 4K), in the blocks' order; criteria without a (known) block come first.
 */
export interface BlockGroup {
	block: Block | null;
	rows: Criterion[];
}

export function blockGroups(area: Area, rows: readonly Criterion[]): BlockGroup[] {
	const blocks = area.blocks ?? [];
	if (blocks.length === 0) return [{ block: null, rows: [...rows] }];
	const known = new Set(blocks.map((b) => b.id));
	const loose = rows.filter((c) => c.blockId === undefined || !known.has(c.blockId));
	return [
		{ block: null, rows: loose },
		...blocks.map((block) => ({ block, rows: rows.filter((c) => c.blockId === block.id) }))
	].filter((g) => g.rows.length > 0);
}

/**
 * „nur Verbund“, „nur Rezertifizierung“, „nur Verbund · Erstzertifizierung“ … from `appliesTo`;
 * null when every questionnaire asks the criterion.
 */
export function variantMarker(criterion: Criterion): string | null {
	const { forms, kinds } = criterion.appliesTo ?? {};
	const parts: string[] = [];
	if (forms && forms.length === 1) parts.push(forms[0] === 'verbund' ? 'Verbund' : 'Einzeleinrichtung');
	if (kinds && kinds.length === 1) parts.push(kinds[0] === 're' ? 'Rezertifizierung' : 'Erstzertifizierung');
	return parts.length > 0 ? `nur ${parts.join(' · ')}` : null;
}
