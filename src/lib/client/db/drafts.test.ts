import { describe, expect, it } from 'vitest';
import { draftKeys, readDraft, removeDraft, writeDraft } from '$lib/client/db/drafts';

describe('draft store', () => {
	it('keeps drafts per workspace and form, and lists a workspace’s keys by prefix', async () => {
		await writeDraft('mappe-anna', 'criterion-note:1.1', 'Annas Notiz');
		await writeDraft('mappe-ben', 'criterion-note:1.1', 'Bens Notiz');
		await writeDraft('mappe-anna', 'register:partners:partner:new', { name: 'Beratungsstelle' });

		expect(await readDraft('mappe-anna', 'criterion-note:1.1')).toBe('Annas Notiz');
		expect(await readDraft('mappe-ben', 'criterion-note:1.1')).toBe('Bens Notiz');
		expect(await draftKeys('mappe-anna', 'register:')).toEqual(['register:partners:partner:new']);
		expect(await draftKeys('mappe-ben')).toEqual(['criterion-note:1.1']);

		await removeDraft('mappe-anna', 'criterion-note:1.1');
		expect(await readDraft('mappe-anna', 'criterion-note:1.1')).toBeUndefined();
		expect(await readDraft('mappe-ben', 'criterion-note:1.1')).toBe('Bens Notiz');
	});
});
