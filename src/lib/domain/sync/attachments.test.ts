import { describe, expect, it } from 'vitest';
import { makePartner, makeQualification } from '$fixtures/registers';
import { citedAttachments } from './attachments';

const ref = (n: number) => ({
	sha256: String(n).repeat(64).slice(0, 64),
	mimeType: 'application/pdf',
	size: 10,
	fileName: `datei-${n}.pdf`
});

describe('files a record cites', () => {
	it('finds a signed agreement and a qualification certificate', () => {
		const partner = makePartner({
			agreement: { signedOn: '2025-01-01', validUntil: null, attachment: ref(1) }
		});
		expect(citedAttachments(partner)).toEqual([ref(1)]);
		expect(citedAttachments(makeQualification({ certificate: ref(2) }))).toEqual([ref(2)]);
		expect(citedAttachments(makeQualification())).toEqual([]);
	});

	it('ignores a value under a file key that is not a file reference', () => {
		expect(citedAttachments({ certificate: 'Zertifikat', attachment: { sha256: 'x' } })).toEqual([]);
	});
});
