/**
 * Files shared into the app from another app (the manifest's share target) or captured on the
 * „Nachweis ablegen“ page, kept until the Leitung saves them as evidence or discards them. They sit
 * in Cache Storage, which both the service worker (it receives the share) and the page can reach,
 * with no network and without the workspace database being open.
 */
export const SHARED_FILES_CACHE = 'geteilte-dateien';
/** A path no route or API answers: the cache keys only need to be same-origin URLs. */
const KEY_PREFIX = '/__geteilte-dateien/';

/** The types a share may bring: what an evidence file may be (PDF or image). */
export function isAcceptedSharedType(type: string): boolean {
	return type === 'application/pdf' || type.startsWith('image/');
}

export interface SharedFile {
	id: string;
	name: string;
	type: string;
	size: number;
	sharedAt: string;
	blob: Blob;
}

function keyFor(id: string, origin: string): string {
	return new URL(`${KEY_PREFIX}${id}`, origin).href;
}

function idOf(url: string): string {
	return new URL(url).pathname.slice(KEY_PREFIX.length);
}

function newId(): string {
	return crypto.randomUUID();
}

/**
 * Keeps the files of a share (those of an accepted type) and answers how many were kept and how
 * many were refused. `origin` is the app's origin (`self.location.origin` in the worker).
 */
export async function keepSharedFiles(
	files: readonly File[],
	origin: string,
	storage: CacheStorage = caches,
	now: Date = new Date()
): Promise<{ kept: number; refused: number }> {
	const cache = await storage.open(SHARED_FILES_CACHE);
	let kept = 0;
	for (const file of files) {
		if (!isAcceptedSharedType(file.type) || file.size === 0) continue;
		const headers = new Headers({
			'content-type': file.type,
			'content-length': String(file.size),
			'x-file-name': encodeURIComponent(file.name || 'Datei'),
			'x-shared-at': now.toISOString()
		});
		await cache.put(keyFor(newId(), origin), new Response(file, { headers }));
		kept++;
	}
	return { kept, refused: files.length - kept };
}

/** The kept files, oldest first. */
export async function listSharedFiles(origin: string, storage: CacheStorage = caches): Promise<SharedFile[]> {
	if (!(await storage.has(SHARED_FILES_CACHE))) return [];
	const cache = await storage.open(SHARED_FILES_CACHE);
	const files: SharedFile[] = [];
	for (const request of await cache.keys()) {
		const response = await cache.match(request);
		if (!response) continue;
		const blob = await response.blob();
		const type = response.headers.get('content-type') ?? blob.type;
		files.push({
			id: idOf(request.url),
			name: decodeURIComponent(response.headers.get('x-file-name') ?? 'Datei'),
			type,
			size: blob.size,
			sharedAt: response.headers.get('x-shared-at') ?? '',
			blob: blob.type === type ? blob : new Blob([blob], { type })
		});
	}
	return files.sort((a, b) => a.sharedAt.localeCompare(b.sharedAt));
}

/** Forgets one kept file (saved as evidence, or discarded). */
export async function removeSharedFile(
	id: string,
	origin: string,
	storage: CacheStorage = caches
): Promise<void> {
	const cache = await storage.open(SHARED_FILES_CACHE);
	await cache.delete(keyFor(id, origin));
}
