import type { AttachmentCheck, PreparedAttachment } from '$lib/client/media/attachment';

/** What a chosen file became: the prepared file, or none and a German message. */
export type PickedAttachment = { file: PreparedAttachment } | { file: null; error: string };

/**
 * Prepares the file chosen in a register form's file input (agreements, certificates): checked and
 * read, or refused with the reason.
 */
export async function pickAttachment(
	picked: File,
	prepareFile: (file: File) => Promise<AttachmentCheck>
): Promise<PickedAttachment> {
	try {
		const result = await prepareFile(picked);
		return result.ok ? { file: result.attachment } : { file: null, error: result.message };
	} catch {
		return { file: null, error: 'Die Datei konnte nicht gelesen werden.' };
	}
}
