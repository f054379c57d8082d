import { beforeEach, describe, expect, it } from 'vitest';
import { freshWorkspace } from '../../../../../tests/fixtures/db/testWorkspace';
import { putRecord } from '$lib/client/db/changes';
import { setActiveFacilityId, setActor } from '$lib/client/db/meta';
import type { WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import { builtInCatalogue } from '$lib/client/services/catalogue';
import {
	findLocalVersion,
	forgetServerVersion,
	keepServerVersion
} from '$lib/client/services/dossier/localVersions';
import { prepareDossier } from '$lib/client/services/dossier/prepare';
import { queueDossier, type LocalSubmission } from '$lib/client/services/dossier/queue';
import type { Dossier } from '$lib/domain/dossier/versions';
import { periodFromKey } from '$lib/domain/periods';

const PERIOD = periodFromKey('cy-2026')!;
let db: WorkspaceDb;

async function handedInOffline(): Promise<LocalSubmission> {
	await putRecord('facilities', {
		id: 'kita-a',
		facilityId: 'kita-a',
		name: 'Familienzentrum Sonnenblume',
		sealValidUntil: '2027-07-31',
		catalogueId: builtInCatalogue.id,
		catalogueVersion: builtInCatalogue.version
	});
	await setActiveFacilityId('kita-a');
	await setActor({ displayName: 'Lea Leitung', userId: 'lea' });
	return queueDossier(await prepareDossier(PERIOD, new Date('2026-11-23T10:00:00Z')));
}

function serverCopy(submission: LocalSubmission): Dossier {
	return {
		id: 'd-1',
		submissionId: submission.submissionId,
		facilityId: 'kita-a',
		periodKey: 'cy-2026',
		periodLabel: submission.snapshot.period.label,
		version: 1,
		catalogueId: builtInCatalogue.id,
		catalogueVersion: builtInCatalogue.version,
		readinessPasses: false,
		submittedBy: 'Lea Leitung',
		preparedAt: submission.snapshot.preparedAt,
		receivedAt: '2026-11-23T10:05:00.000Z',
		snapshot: submission.snapshot
	};
}

beforeEach(async () => {
	db = await freshWorkspace();
});

describe('dossier versions on the device', () => {
	it('finds a hand-in still waiting by its submission id, without version or arrival', async () => {
		const submission = await handedInOffline();

		const found = await findLocalVersion(submission.submissionId, ['kita-a']);

		expect(found?.origin).toEqual({ kind: 'waiting', state: 'queued', problem: null });
		expect(found?.dossier).toMatchObject({
			id: submission.submissionId,
			version: null,
			receivedAt: null,
			submittedBy: 'Lea Leitung'
		});
		expect(found?.catalogue.id).toBe(builtInCatalogue.id);
	});

	it('finds a sent hand-in by the server’s id, and a refused one with its reason', async () => {
		const submission = await handedInOffline();
		const summary = { ...serverCopy(submission), snapshot: undefined };
		const key = `dossier.submission.${submission.submissionId}`;
		await db.meta.put({ key, value: { ...submission, state: 'sent', dossier: summary } });

		const sent = await findLocalVersion('d-1', ['kita-a']);
		expect(sent?.origin).toEqual({ kind: 'handedIn' });
		expect(sent?.dossier).toMatchObject({ id: 'd-1', version: 1, receivedAt: '2026-11-23T10:05:00.000Z' });

		await db.meta.put({ key, value: { ...submission, state: 'refused', problem: 'Zu groß.' } });
		expect((await findLocalVersion(submission.submissionId, ['kita-a']))?.origin).toEqual({
			kind: 'waiting',
			state: 'refused',
			problem: 'Zu groß.'
		});
	});

	it('does not look at another centre’s hand-ins', async () => {
		const submission = await handedInOffline();
		expect(await findLocalVersion(submission.submissionId, ['kita-b'])).toBeNull();
	});

	it('keeps the server’s copy of a version for the next time without connection', async () => {
		const submission = await handedInOffline();
		await db.meta.delete(`dossier.submission.${submission.submissionId}`);
		expect(await findLocalVersion('d-1', ['kita-a'])).toBeNull();

		await keepServerVersion(serverCopy(submission), builtInCatalogue);

		const kept = await findLocalVersion('d-1', []);
		expect(kept?.origin.kind).toBe('kept');
		expect(kept?.dossier).toMatchObject({ id: 'd-1', version: 1 });
		expect(kept?.catalogue.version).toBe(builtInCatalogue.version);

		await forgetServerVersion('d-1');
		expect(await findLocalVersion('d-1', [])).toBeNull();
	});
});
