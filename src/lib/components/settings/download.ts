/** Hands a blob to the browser as a file download (works offline: the URL is local). */
export function downloadBlob(blob: Blob, fileName: string): void {
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	link.rel = 'noopener';
	document.body.append(link);
	link.click();
	link.remove();
	// Revoke later: some browsers start reading the URL only after click() has returned.
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
