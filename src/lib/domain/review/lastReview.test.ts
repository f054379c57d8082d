import { describe, expect, it } from 'vitest';
import { makeDossier, makeSnapshot } from '../../../../tests/fixtures/reviewDossier';
import { lastReviewedVersion, previousVersion } from './lastReview';

const versions = [3, 2, 1].map((v) => makeDossier(v, makeSnapshot()));
const other = { ...makeDossier(4, makeSnapshot()), id: 'd-other', periodKey: 'kj-2025' };
const all = [...versions, other];

describe('the versions the advisor compares against', () => {
	it('takes the version just before, in the same period', () => {
		expect(previousVersion(all, versions[0])?.version).toBe(2);
		expect(previousVersion(all, versions[2])).toBeNull();
	});

	it('takes the latest earlier version she gave feedback on, not the centre’s answers', () => {
		const marks = [
			{ dossierId: 'd-1', dossierVersion: 1 },
			{ dossierId: 'd-2', dossierVersion: 2, author: 'einrichtung' as const },
			{ dossierId: 'd-3', dossierVersion: 3 },
			{ dossierId: null, dossierVersion: null },
			{ dossierId: 'd-other', dossierVersion: 4 }
		];
		expect(lastReviewedVersion(all, versions[0], marks)?.version).toBe(1);
		expect(
			lastReviewedVersion(all, versions[0], [...marks, { dossierId: 'd-2', dossierVersion: 2 }])?.version
		).toBe(2);
		expect(lastReviewedVersion(all, versions[2], marks)).toBeNull();
	});
});
