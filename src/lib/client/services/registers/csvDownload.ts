/**
 * Hands a CSV text to the browser as a download. The text already starts with a BOM (see
 * `toCsv`); the Blob keeps it, so Excel opens umlauts correctly.
 */
export function downloadCsv(fileName: string, csv: string, doc: Document = document): void {
	const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
	const link = doc.createElement('a');
	link.href = url;
	link.download = fileName;
	link.style.display = 'none';
	doc.body.append(link);
	link.click();
	link.remove();
	// Revoke later: some browsers start the download only after the click handler returns.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
