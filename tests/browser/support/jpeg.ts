/**
 * Test photos as a camera writes them: a JPEG with an APP1 Exif segment holding a GPS position, so
 * tests can prove the app strips it before storing.
 */

function u16(n: number): number[] {
	return [(n >> 8) & 0xff, n & 0xff];
}

function u32(n: number): number[] {
	return [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
}

function ifdEntry(tag: number, type: number, count: number, value: number[]): number[] {
	return [...u16(tag), ...u16(type), ...u32(count), ...value, 0, 0, 0, 0].slice(0, 12);
}

const ASCII = 2;
const LONG = 4;
const RATIONAL = 5;

/** A big-endian TIFF block: IFD0 points to a GPS IFD with latitude/longitude (51°30′N, 7°28′E: Dortmund). */
function exifWithGps(): Uint8Array {
	const gpsIfdOffset = 8 + 2 + 12 + 4;
	const gpsEntries = 4;
	const latitudeOffset = gpsIfdOffset + 2 + gpsEntries * 12 + 4;
	const longitudeOffset = latitudeOffset + 24;
	const rationals = (...values: number[]) => values.flatMap((v) => [...u32(v), ...u32(1)]);
	const tiff = [
		...[0x4d, 0x4d, 0x00, 0x2a], // "MM", 42
		...u32(8), // IFD0 offset
		...u16(1),
		...ifdEntry(0x8825, LONG, 1, u32(gpsIfdOffset)), // GPSInfo
		...u32(0),
		...u16(gpsEntries),
		...ifdEntry(0x0001, ASCII, 2, [0x4e, 0]), // GPSLatitudeRef "N"
		...ifdEntry(0x0002, RATIONAL, 3, u32(latitudeOffset)),
		...ifdEntry(0x0003, ASCII, 2, [0x45, 0]), // GPSLongitudeRef "E"
		...ifdEntry(0x0004, RATIONAL, 3, u32(longitudeOffset)),
		...u32(0),
		...rationals(51, 30, 0),
		...rationals(7, 28, 0)
	];
	const payload = [...Array.from('Exif\0\0', (c) => c.charCodeAt(0)), ...tiff];
	return Uint8Array.from([0xff, 0xe1, ...u16(payload.length + 2), ...payload]);
}

/** Inserts an Exif/GPS APP1 segment right after the SOI marker of `jpeg`. */
export function withExifGps(jpeg: Uint8Array): Uint8Array {
	if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG');
	const app1 = exifWithGps();
	const out = new Uint8Array(jpeg.length + app1.length);
	out.set(jpeg.subarray(0, 2), 0);
	out.set(app1, 2);
	out.set(jpeg.subarray(2), 2 + app1.length);
	return out;
}
