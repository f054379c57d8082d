import { prepareAttachment, type AttachmentKind } from '$lib/client/media/attachment';
import { removeSharedFile, type SharedFile } from '$lib/client/media/sharedFiles';
import { addEvidence, type EvidenceResult } from '$lib/client/services/evidence';

/** What the Leitung chose for one shared file. */
export interface SharedEvidenceInput {
	title: string;
	date: string;
	criterionIds: string[];
}

export type FiledShare = ({ ok: true } & EvidenceResult) | { ok: false; message: string };

function kindOf(file: SharedFile): AttachmentKind {
	return file.type.startsWith('image/') ? 'photo' : 'file';
}

/**
 * Files one shared (or captured) file as evidence through the same path as the criterion page: the
 * file is checked by its bytes, a photo re-encoded without metadata, then record and file stored.
 * Only once it is stored is the shared copy forgotten; a refused file stays for another try.
 */
export async function fileSharedEvidence(
	file: SharedFile,
	input: SharedEvidenceInput,
	facilityId: string,
	origin: string = location.origin
): Promise<FiledShare> {
	const kind = kindOf(file);
	const prepared = await prepareAttachment(new File([file.blob], file.name, { type: file.type }), kind);
	if (!prepared.ok) return { ok: false, message: prepared.message };
	const result = await addEvidence(
		{
			kind,
			title: input.title.trim(),
			date: input.date,
			validUntil: null,
			url: '',
			note: '',
			criterionIds: [...input.criterionIds],
			facilityId
		},
		prepared.attachment
	);
	await removeSharedFile(file.id, origin);
	return { ok: true, ...result };
}

/** A title to start from: the file's name without its extension. */
export function titleFromFileName(name: string): string {
	const base = name
		.replace(/\.[a-z0-9]{1,5}$/i, '')
		.replace(/[_]+/g, ' ')
		.trim();
	return base || 'Geteilte Datei';
}
