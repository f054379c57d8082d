import { beforeEach, describe, expect, it } from 'vitest';
import { freshWorkspace } from '../../../../../tests/fixtures/db/testWorkspace';
import type { WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import { citeRegisterEntry, readRegisterCitations, removeRegisterCitation } from './citations';

const FACILITY = 'fz-1';
let db: WorkspaceDb;

beforeEach(async () => {
	db = await freshWorkspace();
});

describe('citing register entries', () => {
	it('store a synced citation with its outbox entry', async () => {
		const citation = await citeRegisterEntry(FACILITY, '2.1', 'familyEducationOffers', 'offer-1');
		expect(await db.registerCitations.get(citation.id)).toEqual(citation);
		expect(await db.outbox.toArray()).toEqual([
			expect.objectContaining({ table: 'registerCitations', recordId: citation.id, op: 'put' })
		]);
	});

	it('keep one citation per criterion and entry, and revive it when cited again after removal', async () => {
		const first = await citeRegisterEntry(FACILITY, '2.1', 'familyEducationOffers', 'offer-1');
		await citeRegisterEntry(FACILITY, '2.1', 'familyEducationOffers', 'offer-1');
		expect(await db.registerCitations.count()).toBe(1);

		await removeRegisterCitation(first.id);
		expect(await readRegisterCitations(FACILITY, '2.1')).toEqual([]);
		await citeRegisterEntry(FACILITY, '2.1', 'familyEducationOffers', 'offer-1');
		expect((await readRegisterCitations(FACILITY, '2.1')).map((c) => c.id)).toEqual([first.id]);
		expect((await db.outbox.orderBy('seq').toArray()).map((e) => [e.op, e.fields])).toEqual([
			['put', expect.arrayContaining(['criterionId', 'registerTable', 'entryId'])],
			['delete', ['deleted']],
			['put', ['deleted']]
		]);
	});

	it('read a criterion’s or the whole facility’s citations, never another facility’s', async () => {
		await citeRegisterEntry(FACILITY, '2.1', 'familyEducationOffers', 'offer-1');
		await citeRegisterEntry(FACILITY, '1.2', 'cooperationPartners', 'partner-1');
		await citeRegisterEntry('other', '2.1', 'familyEducationOffers', 'offer-9');
		expect((await readRegisterCitations(FACILITY, '2.1')).map((c) => c.entryId)).toEqual(['offer-1']);
		expect((await readRegisterCitations(FACILITY)).map((c) => c.criterionId).sort()).toEqual(['1.2', '2.1']);
	});
});
