// Small real evidence files for tests: a JPEG carrying GPS EXIF and a rotation flag, a PNG with EXIF, a minimal PDF,
// and a reader of a JPEG's first EXIF directory (to prove what metadata a file carries).
import sharp from 'sharp';

export const GPS_IFD_POINTER_TAG = 0x8825;

export async function jpegWithGps(): Promise<Uint8Array> {
  const bytes = await sharp({ create: { width: 40, height: 20, channels: 3, background: { r: 200, g: 10, b: 10 } } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'ProbeCam', Model: 'Test' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 52/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '117/1 17/1 0/1' },
    })
    .toBuffer();
  return new Uint8Array(bytes);
}

export async function pngWithExif(): Promise<Uint8Array> {
  const bytes = await sharp({
    create: { width: 8, height: 8, channels: 4, background: { r: 0, g: 120, b: 60, alpha: 1 } },
  })
    .png()
    .withExif({ IFD0: { Make: 'ProbeCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 52/1 0/1' } })
    .toBuffer();
  return new Uint8Array(bytes);
}

export function minimalPdf(): Uint8Array {
  return new TextEncoder().encode(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj ' +
      '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  );
}

/** Tags of IFD0 in an EXIF block as sharp's metadata() returns it (`Exif\0\0` + TIFF). */
export function exifIfd0Tags(exif: Buffer): number[] {
  const base = exif.subarray(0, 4).toString('ascii') === 'Exif' ? 6 : 0;
  const littleEndian = exif.toString('ascii', base, base + 2) === 'II';
  const u16 = (at: number) => (littleEndian ? exif.readUInt16LE(at) : exif.readUInt16BE(at));
  const u32 = (at: number) => (littleEndian ? exif.readUInt32LE(at) : exif.readUInt32BE(at));
  const ifd = base + u32(base + 4);
  return Array.from({ length: u16(ifd) }, (_, index) => u16(ifd + 2 + index * 12));
}
