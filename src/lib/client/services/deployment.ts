import { LOAD_TEXTS, requestJson } from '$lib/client/api/request';
import { parseDeploymentInfo, type DeploymentInfo } from '$lib/domain/deployment/operator';

/**
 * The deployment's operator details for the legal pages: asked from the server when online, and the
 * last answer kept in localStorage so the Impressum and the Datenschutzerklärung open offline too.
 * localStorage rather than the workspace database: the pages must show before (and without) any
 * workspace, and the answer is small and public.
 */
const STORAGE_KEY = 'guetesiegel.deployment';

function storage(): Storage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		// Storage blocked in the browser's settings: the pages then show only what the server answers.
		return null;
	}
}

/** The last answer kept on the device, or null when there is none (or it is unreadable). */
export function readStoredDeployment(): DeploymentInfo | null {
	const raw = storage()?.getItem(STORAGE_KEY);
	if (!raw) return null;
	try {
		return parseDeploymentInfo(JSON.parse(raw));
	} catch {
		return null;
	}
}

function storeDeployment(info: DeploymentInfo): void {
	try {
		storage()?.setItem(STORAGE_KEY, JSON.stringify(info));
	} catch (error) {
		// A full storage keeps the older copy; the page still shows the fresh answer.
		console.error('Keeping the deployment details failed', error);
	}
}

export type DeploymentSource = 'server' | 'device' | 'none';

export interface LoadedDeployment {
	info: DeploymentInfo | null;
	/** Where the details came from: fresh from the server, the device's copy, or nowhere yet. */
	source: DeploymentSource;
}

/** Asks the server (and keeps its answer); offline or on a failure, the device's copy. */
export async function loadDeployment(fetchFn?: typeof fetch): Promise<LoadedDeployment> {
	const result = await requestJson('/api/deployment', {
		parse: parseDeploymentInfo,
		texts: LOAD_TEXTS,
		timeoutMs: 8000,
		fetchFn
	});
	if (result.ok) {
		storeDeployment(result.data);
		return { info: result.data, source: 'server' };
	}
	const stored = readStoredDeployment();
	return stored ? { info: stored, source: 'device' } : { info: null, source: 'none' };
}
