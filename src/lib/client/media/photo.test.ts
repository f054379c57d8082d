import { describe, expect, it } from 'vitest';
import { MAX_PHOTO_EDGE, jpegFileName, scaledSize } from './photo';

describe('scaledSize', () => {
	it('scales a 4032 × 3024 camera photo to a long edge of 2000 px, keeping the aspect ratio', () => {
		expect(scaledSize(4032, 3024)).toEqual({ width: 2000, height: 1500 });
	});

	it('scales portrait photos by their height', () => {
		expect(scaledSize(3024, 4032)).toEqual({ width: 1500, height: 2000 });
	});

	it('never scales a small image up', () => {
		expect(scaledSize(800, 600)).toEqual({ width: 800, height: 600 });
		expect(scaledSize(MAX_PHOTO_EDGE, 10)).toEqual({ width: MAX_PHOTO_EDGE, height: 10 });
	});

	it('keeps at least one pixel on the short edge of a very thin image', () => {
		expect(scaledSize(100_000, 10)).toEqual({ width: 2000, height: 1 });
	});
});

describe('jpegFileName', () => {
	it('gives the re-encoded photo a .jpg name', () => {
		expect(jpegFileName('Aushang Elterncafé.HEIC')).toBe('Aushang Elterncafé.jpg');
		expect(jpegFileName('flyer.png')).toBe('flyer.jpg');
	});

	it('names a camera capture without a useful name by date and time', () => {
		const now = new Date(2026, 10, 21, 14, 5);
		expect(jpegFileName('image.jpg', now)).toBe('Foto_2026-11-21_14-05.jpg');
		expect(jpegFileName(undefined, now)).toBe('Foto_2026-11-21_14-05.jpg');
	});

	it('replaces characters that are not allowed in file names', () => {
		expect(jpegFileName('a/b:c?.jpeg')).toBe('a_b_c_.jpg');
	});
});
