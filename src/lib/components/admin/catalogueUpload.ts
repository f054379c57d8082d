import { formatPath, lineOf, locateJson } from '$lib/domain/catalogue/jsonLocator';
import { describePlace, type CatalogueError } from '$lib/domain/catalogue/parseCatalogue';
import type { ApiFailure } from '$lib/client/api/request';

/**
 * The server's refusal of an uploaded catalogue, placed in the file like the app's own check does
 * („Kriterium 3 (ID 1.3) › Punkte“, line), so both kinds of error read the same. The server reports
 * paths under the request's `catalogue` field.
 */
export function serverCatalogueErrors(text: string, failure: ApiFailure): CatalogueError[] {
	if (!failure.issues?.length) return [];
	const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
	const located = locateJson(source);
	let data: unknown = null;
	try {
		data = JSON.parse(source);
	} catch {
		// The app's own check refuses unreadable files before they are sent; places stay generic.
	}
	return failure.issues.map((issue) => {
		const segments = issue.path[0] === 'catalogue' ? issue.path.slice(1) : issue.path;
		return {
			path: formatPath(segments),
			place: describePlace(data, segments),
			line: located.ok ? lineOf(located.lines, segments) : null,
			message: issue.message
		};
	});
}
