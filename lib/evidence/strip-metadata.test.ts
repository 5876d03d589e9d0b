// Evidence images lose their metadata (EXIF, GPS) and keep their picture, turned upright; PDFs pass unchanged.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { stripImageMetadata, UnreadableImageError } from './strip-metadata';
import { exifIfd0Tags, GPS_IFD_POINTER_TAG, jpegWithGps, minimalPdf, pngWithExif } from '@/test/support/images';

describe('stripImageMetadata', () => {
  it('removes GPS and camera EXIF from a JPEG and applies its orientation', async () => {
    const input = await jpegWithGps();
    const before = await sharp(input).metadata();
    expect(before.exif && exifIfd0Tags(before.exif)).toContain(GPS_IFD_POINTER_TAG);
    expect(before.orientation).toBe(6);

    const output = await stripImageMetadata(input, 'image/jpeg');
    const after = await sharp(output).metadata();
    expect(after.format).toBe('jpeg');
    expect(after.exif).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    expect(after.icc).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(Buffer.from(output).includes(Buffer.from('ProbeCam'))).toBe(false);
    // Rotated by the EXIF flag before it was dropped: 40×20 shown as 20×40.
    expect([after.width, after.height]).toEqual([20, 40]);
  });

  it('removes EXIF from a PNG', async () => {
    const input = await pngWithExif();
    expect((await sharp(input).metadata()).exif).toBeDefined();
    const output = await stripImageMetadata(input, 'image/png');
    const after = await sharp(output).metadata();
    expect(after.format).toBe('png');
    expect(after.exif).toBeUndefined();
    expect(Buffer.from(output).includes(Buffer.from('ProbeCam'))).toBe(false);
  });

  it('leaves a PDF as it is', async () => {
    const pdf = minimalPdf();
    expect(await stripImageMetadata(pdf, 'application/pdf')).toBe(pdf);
  });

  it('refuses an image that cannot be decoded', async () => {
    const broken = Uint8Array.from([
      0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9,
    ]);
    await expect(stripImageMetadata(broken, 'image/jpeg')).rejects.toBeInstanceOf(UnreadableImageError);
  });
});
