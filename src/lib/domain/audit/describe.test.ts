import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '$lib/domain/accounts';
import { describeAuditEntry } from './describe';

const entry = (overrides: Partial<AuditEntry>): AuditEntry => ({
	id: 1,
	at: '2026-11-23T08:00:00.000Z',
	userId: 'u-1',
	userEmail: 'admin@example.org',
	facilityId: null,
	action: 'auth.login',
	entity: 'session',
	entityId: null,
	detail: {},
	...overrides
});

const facilities = new Map([['kita-a', 'Familienzentrum Sonnenblume']]);

describe('audit entries in words', () => {
	it('says what an account change did, with role and centre names instead of ids', () => {
		const described = describeAuditEntry(
			entry({
				action: 'user.create',
				entity: 'user',
				entityId: 'u-2',
				detail: { email: 'lea@example.org', role: 'leitung', facilityIds: ['kita-a'] }
			}),
			{ facilities }
		);
		expect(described).toEqual({
			action: 'Konto angelegt',
			subject: 'Konto u-2',
			details: ['E-Mail lea@example.org', 'Rolle Leitung', 'Einrichtungen: Familienzentrum Sonnenblume']
		});
	});

	it('counts a hand-in and a sync with correct plurals', () => {
		const handIn = describeAuditEntry(
			entry({
				action: 'dossier.submit',
				entity: 'dossier',
				entityId: 'd-1',
				facilityId: 'kita-a',
				detail: { periodKey: '2026', version: 1, catalogue: 'fz-nrw@2027', statuses: 1, evidence: 2 }
			}),
			{ facilities }
		);
		expect(handIn.action).toBe('Mappe abgegeben');
		expect(handIn.subject).toBe('Mappe d-1 · Familienzentrum Sonnenblume');
		expect(handIn.details).toEqual([
			'Zeitraum 2026',
			'Version 1',
			'Katalog fz-nrw, Version 2027',
			'1 Kriterium mit Stand',
			'2 Nachweise'
		]);
		const push = describeAuditEntry(
			entry({
				action: 'sync.push',
				entity: 'device',
				detail: { accepted: 1, rejected: 0, conflicts: 2, tables: { criterionStatuses: 1 } }
			})
		);
		expect(push.details).toEqual(['1 Änderung übernommen', '2 Konflikte']);
	});

	it('shows an unknown action and detail readably, never as JSON', () => {
		const described = describeAuditEntry(
			entry({ action: 'something.new', entity: 'thing', detail: { count: 3, flags: ['a', 'b'], ok: true } })
		);
		expect(described.action).toBe('something.new');
		expect(described.details).toEqual(['count: 3', 'flags: a, b', 'ok: ja']);
		expect(described.details.join(' ')).not.toMatch(/[{}"]/);
	});

	it('gives every action the server writes a German name', () => {
		const actions = [
			'auth.login',
			'auth.logout',
			'auth.set_password',
			'user.create',
			'user.update',
			'user.password_link',
			'assignments.set',
			'facility.create',
			'catalogue.upload',
			'catalogue.activate',
			'dossier.submit',
			'sync.push',
			'attachment.upload',
			'review.feedback',
			'review.feedback.comment',
			'review.feedback.resolve',
			'review.feedback.withdraw',
			'team.invitation_in_use',
			'team.invitation_update',
			'team.invitation_redeemed',
			'demo.seed'
		];
		for (const action of actions) expect(describeAuditEntry(entry({ action })).action).not.toBe(action);
	});
});
