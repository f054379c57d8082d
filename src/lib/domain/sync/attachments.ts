import { attachmentRefSchema, type AttachmentRef } from '../records';

/**
 * The keys under which synced schemas keep a file reference: `attachment` (evidence, signed
 * agreements of the registers) and `certificate` (a qualification's certificate).
 */
const FILE_KEYS = new Set(['attachment', 'certificate']);

/**
 * The files a record (or some of its field values) cites. Every synced schema keeps a file reference
 * under one of `FILE_KEYS`, so one walk finds them in any table, including tables added later.
 */
export function citedAttachments(value: unknown): AttachmentRef[] {
	const found = new Map<string, AttachmentRef>();
	walk(value, found, 0);
	return [...found.values()];
}

function walk(value: unknown, found: Map<string, AttachmentRef>, depth: number): void {
	// Records are shallow; the bound keeps a hostile payload from recursing without end.
	if (depth > 8 || value === null || typeof value !== 'object') return;
	if (Array.isArray(value)) {
		for (const item of value) walk(item, found, depth + 1);
		return;
	}
	for (const [key, child] of Object.entries(value)) {
		if (FILE_KEYS.has(key)) {
			const ref = attachmentRefSchema.safeParse(child);
			if (ref.success) found.set(ref.data.sha256, ref.data);
		} else walk(child, found, depth + 1);
	}
}
