import { daysBetween, type LocalDate } from '../../dates';
import type { WrittenAgreement } from '../common';
import { partnerKindLabels, preventionNetworkKindLabels } from '../names';
import type { CooperationPartner } from '../partners';
import type { PreventionProfile } from '../prevention';

/** Agreements that end within this many days are flagged on the Übersicht. */
export const EXPIRY_WARNING_DAYS = 90;

export type AgreementStatus = 'none' | 'valid' | 'expiresBeforeRecertification' | 'expiringSoon' | 'expired';

export const agreementStatusLabels: Record<AgreementStatus, string> = {
	none: 'Keine schriftliche Vereinbarung',
	valid: 'Gültig',
	expiresBeforeRecertification: 'Läuft vor der Rezertifizierung ab',
	expiringSoon: `Läuft in den nächsten ${EXPIRY_WARNING_DAYS} Tagen ab`,
	expired: 'Abgelaufen'
};

/**
 * Where an agreement stands today. An agreement that ends before the seal does must be renewed
 * before the re-certification, so it is flagged even when the end is still far away.
 */
export function agreementStatus(
	agreement: WrittenAgreement | null,
	today: LocalDate,
	sealValidUntil: LocalDate | null
): AgreementStatus {
	if (agreement === null) return 'none';
	const until = agreement.validUntil;
	if (until === null) return 'valid';
	if (until < today) return 'expired';
	if (daysBetween(today, until) <= EXPIRY_WARNING_DAYS) return 'expiringSoon';
	if (sealValidUntil !== null && until < sealValidUntil) return 'expiresBeforeRecertification';
	return 'valid';
}

/** True when the agreement was signed and still in force on `day`. */
export function agreementValidOn(agreement: WrittenAgreement | null, day: LocalDate): boolean {
	return (
		agreement !== null &&
		agreement.signedOn <= day &&
		(agreement.validUntil === null || agreement.validUntil >= day)
	);
}

export interface AgreementAlert {
	source: 'partner' | 'praevention';
	recordId: string;
	/** The partner organisation or the prevention network. */
	title: string;
	kindLabel: string;
	validUntil: LocalDate;
	status: Exclude<AgreementStatus, 'none' | 'valid'>;
	/** Negative once expired. */
	daysLeft: number;
}

export interface PartnerAgreementRow {
	partner: CooperationPartner;
	status: AgreementStatus;
	daysLeft: number | null;
}

export interface PartnersSummary {
	partners: number;
	/** Partners whose written agreement is in force today (including those that end soon). */
	inForce: number;
	byStatus: Record<AgreementStatus, number>;
	rows: PartnerAgreementRow[];
}

export function summarisePartners(
	partners: readonly CooperationPartner[],
	today: LocalDate,
	sealValidUntil: LocalDate | null
): PartnersSummary {
	const byStatus: Record<AgreementStatus, number> = {
		none: 0,
		valid: 0,
		expiresBeforeRecertification: 0,
		expiringSoon: 0,
		expired: 0
	};
	const rows: PartnerAgreementRow[] = [];
	for (const partner of partners) {
		if (partner.deleted) continue;
		const status = agreementStatus(partner.agreement, today, sealValidUntil);
		byStatus[status]++;
		const until = partner.agreement?.validUntil ?? null;
		rows.push({ partner, status, daysLeft: until === null ? null : daysBetween(today, until) });
	}
	const inForce = byStatus.valid + byStatus.expiringSoon + byStatus.expiresBeforeRecertification;
	return { partners: rows.length, inForce, byStatus, rows };
}

/**
 * Agreements the Übersicht should warn about: expired, ending within 90 days, or ending before the
 * seal's valid-until date. Soonest first.
 */
export function expiringAgreements(
	data: {
		partners: readonly CooperationPartner[];
		preventionProfile: PreventionProfile | null;
		sealValidUntil: LocalDate | null;
	},
	today: LocalDate
): AgreementAlert[] {
	const alerts: AgreementAlert[] = [];
	const consider = (
		source: AgreementAlert['source'],
		recordId: string,
		title: string,
		kindLabel: string,
		agreement: WrittenAgreement | null
	) => {
		const status = agreementStatus(agreement, today, data.sealValidUntil);
		if (status === 'none' || status === 'valid' || !agreement?.validUntil) return;
		const validUntil = agreement.validUntil;
		alerts.push({
			source,
			recordId,
			title,
			kindLabel,
			validUntil,
			status,
			daysLeft: daysBetween(today, validUntil)
		});
	};
	for (const p of data.partners) {
		if (!p.deleted) consider('partner', p.id, p.name, partnerKindLabels[p.kind], p.agreement);
	}
	const profile = data.preventionProfile;
	if (profile && !profile.deleted) {
		consider(
			'praevention',
			profile.id,
			profile.networkName,
			`Vereinbarung mit der Kommune (${preventionNetworkKindLabels[profile.networkKind]})`,
			profile.agreement
		);
	}
	return alerts.sort((a, b) => (a.validUntil < b.validUntil ? -1 : a.validUntil > b.validUntil ? 1 : 0));
}
