import type { ClientChange, PullResponse, PushResponse } from '$lib/domain/sync/protocol';
import type { InProcessFetch } from './inProcessFetch';

/** Records and changes as a device would send them, for server tests. */

export const T0 = '2026-11-23T08:00:00.000Z';
export const DEVICE_A = '0a0a0a0a-0000-4000-8000-00000000000a';
export const DEVICE_B = '0b0b0b0b-0000-4000-8000-00000000000b';

export function statusRecord(
	facilityId: string,
	criterionId: string,
	status: string,
	extra: Record<string, unknown> = {}
): Record<string, unknown> {
	return {
		id: `${facilityId}:${criterionId}`,
		facilityId,
		createdAt: T0,
		updatedAt: T0,
		updatedBy: 'Tablet',
		deleted: false,
		criterionId,
		status,
		note: '',
		...extra
	};
}

export function noteEvidence(facilityId: string, id: string, extra: Record<string, unknown> = {}) {
	return {
		id,
		facilityId,
		createdAt: T0,
		updatedAt: T0,
		updatedBy: 'Tablet',
		deleted: false,
		kind: 'note',
		title: 'Aushang Sprechstunde',
		note: '',
		url: '',
		date: '2026-11-20',
		validUntil: null,
		criterionIds: ['1.1'],
		attachment: null,
		...extra
	};
}

/** A change creating or editing a record; `values` are all fields of a new record or the edited ones. */
export function change(
	seq: number,
	table: string,
	values: Record<string, unknown>,
	options: { recordId?: string; baseRevision?: number; op?: 'put' | 'delete'; changedAt?: string } = {}
): ClientChange {
	return {
		seq,
		table,
		recordId: options.recordId ?? String(values.id),
		op: options.op ?? 'put',
		values,
		baseRevision: options.baseRevision ?? 0,
		changedAt: options.changedAt ?? T0
	};
}

export async function push(
	client: InProcessFetch,
	deviceId: string,
	changes: ClientChange[]
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
): Promise<{ status: number; body: PushResponse & Record<string, any> }> {
	const response = await client.fetch('/api/sync/push', {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ deviceId, changes })
	});
	return { status: response.status, body: await response.json() };
}

export async function pull(client: InProcessFetch, cursor = 0, limit?: number): Promise<PullResponse> {
	const query = new URLSearchParams({ cursor: String(cursor), ...(limit ? { limit: String(limit) } : {}) });
	const response = await client.fetch(`/api/sync/pull?${query}`);
	if (response.status !== 200) throw new Error(`pull answered ${response.status}: ${await response.text()}`);
	return response.json();
}

/** Everything the user sees, by pulling from 0 until the end. */
export async function pullAll(client: InProcessFetch): Promise<PullResponse['records']> {
	const records: PullResponse['records'] = [];
	let cursor = 0;
	for (;;) {
		const batch = await pull(client, cursor);
		records.push(...batch.records);
		cursor = batch.cursor;
		if (!batch.hasMore) return records;
	}
}
