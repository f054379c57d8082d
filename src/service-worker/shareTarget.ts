import { keepSharedFiles } from '$lib/client/media/sharedFiles';

/** Where the manifest's share target posts, and the page that then lets the Leitung file the files. */
export const SHARE_TARGET_PATH = '/nachweis/neu';
/** The form field of the shared files (the manifest's `share_target.params.files[].name`). */
export const SHARE_FILES_FIELD = 'dateien';

export function isShareTargetPost(request: Request, origin: string): boolean {
	if (request.method !== 'POST') return false;
	const url = new URL(request.url);
	return url.origin === origin && url.pathname === SHARE_TARGET_PATH;
}

/**
 * Receives a share from another app: keeps the PDFs and images on the device and sends the browser
 * (303, so it follows with a GET) to the page where they become evidence. Works with no network:
 * nothing here leaves the device.
 */
export async function receiveShare(
	request: Request,
	origin: string,
	storage: CacheStorage = caches
): Promise<Response> {
	const target = new URL(SHARE_TARGET_PATH, origin);
	try {
		const form = await request.formData();
		const files = form.getAll(SHARE_FILES_FIELD).filter((value): value is File => value instanceof File);
		const { kept, refused } = await keepSharedFiles(files, origin, storage);
		target.searchParams.set('geteilt', String(kept));
		if (refused > 0) target.searchParams.set('abgelehnt', String(refused));
	} catch (error) {
		console.error('Receiving a share failed', error);
		target.searchParams.set('fehler', 'teilen');
	}
	return Response.redirect(target.href, 303);
}
