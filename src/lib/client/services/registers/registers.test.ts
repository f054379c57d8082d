import { beforeEach, describe, expect, it } from 'vitest';
import { blobOf, freshWorkspace, useCloneableBlob } from '../../../../../tests/fixtures/db/testWorkspace';
import { RecordValidationError } from '$lib/client/db/errors';
import type { WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import { calendarYear } from '$lib/domain/periods';
import { computeAllRegisterSummaries } from '$lib/domain/registers/summaries/all';
import { countCitationsByCriterion } from '$lib/domain/registers/citationCounts';
import { addChildminderContact } from './childminding';
import { citeRegisterEntry, readRegisterCitations } from './citations';
import {
	addFamilyEducationOffer,
	deleteFamilyEducationOffer,
	updateFamilyEducationOffer
} from './familyEducation';
import { addOfficeHourSession } from './officeHours';
import { deletePartner, savePartner } from './partners';
import { addPreventionOffer, savePreventionProfile } from './prevention';
import { loadRegisterData } from './registerData';

useCloneableBlob();

const FACILITY = 'fz-1';
const course = {
	title: 'Elternkurs „Starke Eltern“',
	kind: 'elternkurs' as const,
	partnerId: null,
	sessions: [
		{ date: '2026-03-03', participants: 8 },
		{ date: '2026-03-10', participants: 7 }
	],
	targetGroup: 'Eltern',
	languages: ['Deutsch'],
	free: true,
	location: 'im_zentrum' as const,
	phases: ['drei_bis_sechs' as const]
};

let db: WorkspaceDb;
beforeEach(async () => {
	db = await freshWorkspace();
});

describe('register services', () => {
	it('save a course with an outbox entry in the same write', async () => {
		const offer = await addFamilyEducationOffer(FACILITY, course);
		expect(await db.familyEducationOffers.get(offer.id)).toEqual(offer);
		const outbox = await db.outbox.toArray();
		expect(outbox).toEqual([
			expect.objectContaining({ table: 'familyEducationOffers', recordId: offer.id, op: 'put' })
		]);
	});

	it('record which fields an edit touched and ship a deletion softly', async () => {
		const offer = await addFamilyEducationOffer(FACILITY, course);
		await updateFamilyEducationOffer(offer.id, { ...course, free: false });
		await deleteFamilyEducationOffer(offer.id);
		const outbox = await db.outbox.orderBy('seq').toArray();
		expect(outbox.map((e) => [e.op, e.fields])).toEqual([
			['put', expect.arrayContaining(['title', 'sessions'])],
			['put', ['free']],
			['delete', ['deleted']]
		]);
		expect((await db.familyEducationOffers.get(offer.id))?.deleted).toBe(true);
	});

	it('remove the citations of a deleted entry with it, so the criterion is „ohne Nachweis“ again', async () => {
		const offer = await addFamilyEducationOffer(FACILITY, course);
		const other = await addFamilyEducationOffer(FACILITY, { ...course, title: 'Elterncafé' });
		await citeRegisterEntry(FACILITY, '2.1', 'familyEducationOffers', offer.id);
		await citeRegisterEntry(FACILITY, '2.3', 'familyEducationOffers', offer.id);
		await citeRegisterEntry(FACILITY, '2.1', 'familyEducationOffers', other.id);

		await deleteFamilyEducationOffer(offer.id);
		const live = await readRegisterCitations(FACILITY);
		expect(live.map((c) => [c.criterionId, c.entryId])).toEqual([['2.1', other.id]]);
		expect(countCitationsByCriterion(await db.registerCitations.toArray())).toEqual(new Map([['2.1', 1]]));
		// The deletions sync like any other: one outbox entry per removed citation, after the entry's.
		const outbox = await db.outbox.orderBy('seq').toArray();
		expect(outbox.slice(-3).map((e) => [e.table, e.op])).toEqual([
			['familyEducationOffers', 'delete'],
			['registerCitations', 'delete'],
			['registerCitations', 'delete']
		]);
	});

	it('refuse bad input with German messages and write nothing', async () => {
		const error = await addOfficeHourSession(FACILITY, {
			date: '2026-02-30',
			durationMinutes: 0,
			contacts: 2,
			topic: 'erziehungsfragen',
			planId: null
		}).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(RecordValidationError);
		expect((error as RecordValidationError).fieldErrors).toEqual({
			date: ['Bitte ein gültiges Datum angeben'],
			durationMinutes: ['Bitte mindestens 1 angeben']
		});
		expect(await db.officeHourSessions.count()).toBe(0);
		expect(await db.outbox.count()).toBe(0);
	});

	it('load a period of the registers, without deleted entries, and sum it', async () => {
		await addOfficeHourSession(FACILITY, {
			date: '2025-12-31',
			durationMinutes: 60,
			contacts: 1,
			topic: 'sonstiges',
			planId: null
		});
		await addOfficeHourSession(FACILITY, {
			date: '2026-01-01',
			durationMinutes: 90,
			contacts: 2,
			topic: 'sonstiges',
			planId: null
		});
		await addOfficeHourSession('other-facility', {
			date: '2026-01-02',
			durationMinutes: 90,
			contacts: 2,
			topic: 'sonstiges',
			planId: null
		});
		await addChildminderContact(FACILITY, { date: '2026-12-31', kind: 'vermittlung', count: 3 });
		const gone = await addFamilyEducationOffer(FACILITY, course);
		await deleteFamilyEducationOffer(gone.id);
		await addFamilyEducationOffer(FACILITY, course);

		const period = calendarYear('2026-06-01');
		const data = await loadRegisterData(FACILITY, period);
		expect(data.officeHourSessions.map((s) => s.date)).toEqual(['2026-01-01']);
		expect(data.familyEducationOffers).toHaveLength(1);
		const sums = computeAllRegisterSummaries(data, period, '2026-06-01');
		expect(sums.officeHours.minutes).toBe(90);
		expect(sums.familyEducation.participants).toBe(15);
		expect(sums.childminding.contacts).toBe(3);
		expect((await loadRegisterData(FACILITY)).officeHourSessions).toHaveLength(2);
	});

	it('store a partner with the signed agreement file', async () => {
		const file = { blob: blobOf([0x25, 0x50, 0x44, 0x46, 0x2d], 'application/pdf'), fileName: 'KV-EB.pdf' };
		const { partner, attachmentError } = await savePartner(
			FACILITY,
			{
				name: 'Erziehungsberatungsstelle Nord',
				kind: 'erziehungsberatungsstelle',
				contactRole: 'Leitung',
				agreement: { signedOn: '2025-05-01', validUntil: '2028-04-30', attachment: null }
			},
			{ file }
		);
		expect(attachmentError).toBeNull();
		expect(partner.agreement?.attachment).toMatchObject({
			fileName: 'KV-EB.pdf',
			mimeType: 'application/pdf',
			size: 5
		});
		const sha = partner.agreement!.attachment!.sha256;
		expect(await db.attachments.get(sha)).toBeDefined();
		expect(
			await db.cooperationPartners.where('agreement.attachment.sha256').equals(sha).primaryKeys()
		).toEqual([partner.id]);
		await deletePartner(partner.id);
		expect((await loadRegisterData(FACILITY)).partners).toEqual([]);
	});

	it('refuse an agreement file without the date of signing', async () => {
		const file = { blob: blobOf([1, 2, 3], 'application/pdf'), fileName: 'x.pdf' };
		await expect(
			savePartner(
				FACILITY,
				{ name: 'Jugendamt', kind: 'jugendamt', contactRole: '', agreement: null },
				{ file }
			)
		).rejects.toBeInstanceOf(RecordValidationError);
		expect(await db.attachments.count()).toBe(0);
	});

	it('keep one prevention profile per facility, however often it is saved', async () => {
		const fields = {
			agreement: { signedOn: '2025-01-15', validUntil: null, attachment: null },
			networkKind: 'fruehe_hilfen' as const,
			networkName: 'Netzwerk Frühe Hilfen Musterstadt',
			role: 'anlaufstelle' as const
		};
		await savePreventionProfile(FACILITY, fields);
		await savePreventionProfile(FACILITY, { ...fields, role: 'eigene_angebote' });
		await addPreventionOffer(FACILITY, {
			title: 'Babytreff',
			description: '',
			phases: ['null_bis_drei'],
			offerKinds: ['begegnung'],
			validFrom: '2025-02-01',
			validTo: null
		});
		expect(await db.preventionProfiles.count()).toBe(1);
		const data = await loadRegisterData(FACILITY);
		expect(data.preventionProfile?.role).toBe('eigene_angebote');
		expect(data.preventionOffers).toHaveLength(1);
	});
});
