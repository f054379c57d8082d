import { describe, expect, it } from 'vitest';
import { newFacilityProfile } from '../facilityProfile';
import { facilityProfileSchema, type FacilityProfile } from '../records';
import {
	contactSiteId,
	CONTACT_SITE_UNKNOWN,
	grantRecipientId,
	GRANT_RECIPIENT_UNKNOWN,
	isVerbund,
	JOINT_SITE_NAME,
	removalBlocker,
	REMOVED_SITE_NAME,
	siteName,
	sitesOf,
	verbundIssues
} from '.';

function profile(overrides: Partial<FacilityProfile> = {}): FacilityProfile {
	return {
		...newFacilityProfile(
			{ id: 'f1', name: 'Kita Regenbogen', catalogueId: 'familienzentrum-nrw', catalogueVersion: '2026.1' },
			{ now: '2026-11-21T09:30:00.000Z', updatedBy: 'Tablet' }
		),
		...overrides
	};
}

const members = [
	{ id: 'm1', name: 'Kita Sonnenschein', address: 'Parkstraße 3' },
	{ id: 'm2', name: 'Kita Pusteblume', address: '' }
];

describe('the sites of a Verbund', () => {
	it('are the profile’s own Kita under the facility id, then the members in their order', () => {
		expect(sitesOf(profile({ verbundMembers: members }))).toEqual([
			{ id: 'f1', name: 'Kita Regenbogen' },
			{ id: 'm1', name: 'Kita Sonnenschein' },
			{ id: 'm2', name: 'Kita Pusteblume' }
		]);
	});

	it('make a Verbund only with at least one member Kita', () => {
		expect(isVerbund(profile())).toBe(false);
		expect(isVerbund(profile({ verbundMembers: members }))).toBe(true);
		expect(isVerbund(undefined)).toBe(false);
		expect(sitesOf(profile())).toEqual([{ id: 'f1', name: 'Kita Regenbogen' }]);
	});

	it('are named by id; joint for null, „Standort entfernt“ for an id no site has', () => {
		const sites = sitesOf(profile({ verbundMembers: members }));
		expect(siteName(sites, 'm2')).toBe('Kita Pusteblume');
		expect(siteName(sites, 'f1')).toBe('Kita Regenbogen');
		expect(siteName(sites, null)).toBe(JOINT_SITE_NAME);
		expect(siteName(sites, undefined)).toBe(JOINT_SITE_NAME);
		expect(siteName(sites, 'gone')).toBe(REMOVED_SITE_NAME);
		expect(siteName([], 'm1')).toBe(REMOVED_SITE_NAME);
	});
});

describe('the Verbund checks', () => {
	it('accept a grant recipient and a contact centre that are Kitas of the Verbund', () => {
		const p = profile({ verbundMembers: members, grantRecipientSiteId: 'm1', contactSiteId: 'f1' });
		expect(verbundIssues(p)).toEqual([]);
		expect(facilityProfileSchema.safeParse(p).success).toBe(true);
		expect(grantRecipientId(p)).toBe('m1');
		expect(contactSiteId(p)).toBe('f1');
	});

	it('take the profile’s own Kita when no role is chosen', () => {
		const p = profile({ verbundMembers: members, grantRecipientSiteId: null });
		expect(verbundIssues(p)).toEqual([]);
		expect(grantRecipientId(p)).toBe('f1');
		expect(contactSiteId(p)).toBe('f1');
	});

	it('refuse a role held by a site that is not (or no longer) a Kita of the Verbund, in German', () => {
		const p = profile({ verbundMembers: [members[0]], grantRecipientSiteId: 'm2', contactSiteId: 'x' });
		expect(verbundIssues(p)).toEqual([
			{ path: ['grantRecipientSiteId'], message: GRANT_RECIPIENT_UNKNOWN },
			{ path: ['contactSiteId'], message: CONTACT_SITE_UNKNOWN }
		]);
		const parsed = facilityProfileSchema.safeParse(p);
		expect(parsed.success).toBe(false);
		expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
			['grantRecipientSiteId', GRANT_RECIPIENT_UNKNOWN],
			['contactSiteId', CONTACT_SITE_UNKNOWN]
		]);
	});

	it('count at most five Kitas, the profile’s own among them', () => {
		const many = (n: number) =>
			Array.from({ length: n }, (_, i) => ({ id: `m${i}`, name: `Kita ${i}`, address: '' }));
		expect(verbundIssues(profile({ verbundMembers: many(4) }))).toEqual([]);
		expect(verbundIssues(profile({ verbundMembers: many(5) }))).toEqual([
			{ path: ['verbundMembers'], message: 'Ein Verbund hat höchstens 5 Kitas' }
		]);
		const parsed = facilityProfileSchema.safeParse(profile({ verbundMembers: many(5) }));
		expect(parsed.error?.issues.map((i) => i.message)).toEqual(['Ein Verbund hat höchstens fünf Kitas']);
	});

	it('keep a profile stored before Verbund roles existed valid', () => {
		const { grantRecipientSiteId: _g, contactSiteId: _c, ...old } = profile({ verbundMembers: members });
		expect(facilityProfileSchema.safeParse(old).success).toBe(true);
	});

	it('refuse to remove a member that is Zuschussempfänger or Kontakteinrichtung, and say why', () => {
		const p = profile({ verbundMembers: members, grantRecipientSiteId: 'm1', contactSiteId: 'm1' });
		expect(removalBlocker(p, 'm1')).toBe(
			'„Kita Sonnenschein“ ist Zuschussempfänger und Kontakteinrichtung des Verbunds. Bitte zuerst eine andere Kita dafür wählen, dann entfernen.'
		);
		expect(removalBlocker(p, 'm2')).toBeNull();
		expect(
			removalBlocker({ ...p, grantRecipientSiteId: null, verbundMembers: [{ id: 'm1', name: ' ' }] }, 'm1')
		).toBe(
			'Diese Kita ist Kontakteinrichtung des Verbunds. Bitte zuerst eine andere Kita dafür wählen, dann entfernen.'
		);
	});
});
