import { requestJson } from '$lib/client/api/request';
import type {
	Assignment,
	AuditEntry,
	CatalogueVersionSummary,
	CreateFacilityRequest,
	Facility,
	UserSummary
} from '$lib/domain/accounts';
import type { Catalogue } from '$lib/domain/catalogue/schema';

/** The administration's calls; it works online only, so each answers at once with a result. */

export const listFacilities = () => requestJson<{ facilities: Facility[] }>('/api/admin/facilities');
export const listUsers = () => requestJson<{ users: UserSummary[] }>('/api/admin/users');
export const listAssignments = () => requestJson<{ assignments: Assignment[] }>('/api/admin/assignments');
export const listCatalogues = () =>
	requestJson<{ catalogues: CatalogueVersionSummary[] }>('/api/admin/catalogues');

/** One page of the audit log, newest first; `before` is the last entry's id of the page before. */
export function listAuditEntries(limit: number, before?: number) {
	const query = before === undefined ? `?limit=${limit}` : `?limit=${limit}&before=${before}`;
	return requestJson<{ entries: AuditEntry[] }>(`/api/admin/audit${query}`);
}

export function createFacility(request: CreateFacilityRequest) {
	return requestJson('/api/admin/facilities', { method: 'POST', body: request });
}

export function setAssignments(advisorId: string, facilityIds: string[]) {
	return requestJson('/api/admin/assignments', { method: 'PUT', body: { advisorId, facilityIds } });
}

export function uploadCatalogue(catalogue: Catalogue, activate: boolean) {
	return requestJson<{ catalogue: CatalogueVersionSummary }>('/api/admin/catalogues', {
		method: 'POST',
		body: { catalogue, activate }
	});
}

export function activateCatalogue(id: string) {
	return requestJson(`/api/admin/catalogues/${encodeURIComponent(id)}/activate`, { method: 'POST' });
}
