import type { WrittenAgreement, WrittenAgreementInput } from '$lib/domain/registers/common';
import { optionalDate } from './formInput';

/** The agreement part of a form, as typed. */
export interface AgreementDraft {
	present: boolean;
	signedOn: string;
	validUntil: string;
}

export function agreementDraftOf(agreement: WrittenAgreement | null | undefined): AgreementDraft {
	return {
		present: !!agreement,
		signedOn: agreement?.signedOn ?? '',
		validUntil: agreement?.validUntil ?? ''
	};
}

/** The agreement for the schema; the stored file stays unless a new one is saved with it. */
export function agreementFromDraft(
	draft: AgreementDraft,
	stored: WrittenAgreement | null | undefined
): WrittenAgreementInput | null {
	if (!draft.present) return null;
	return {
		signedOn: draft.signedOn,
		validUntil: optionalDate(draft.validUntil),
		attachment: stored?.attachment ?? null
	};
}
