const MIB = 1024 * 1024;
const KIB = 1024;

const oneDecimal = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 });
const noDecimals = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });

/**
 * A file size for people, in German number format: "25 MB", "31,4 MB", "820 KB", "512 Bytes".
 * MB here are 1024 × 1024 bytes, the unit of the app's size limit.
 */
export function formatFileSizeDe(bytes: number): string {
	if (bytes >= MIB) return `${oneDecimal.format(bytes / MIB)} MB`;
	if (bytes >= KIB) return `${noDecimals.format(bytes / KIB)} KB`;
	return `${noDecimals.format(bytes)} ${bytes === 1 ? 'Byte' : 'Bytes'}`;
}
