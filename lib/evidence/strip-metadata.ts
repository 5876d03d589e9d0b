// Removes image metadata (EXIF, GPS, camera, comments, ICC) from evidence before it is stored (SPEC §4, §10): a JPEG
// or PNG is decoded, turned upright by its EXIF orientation, and re-encoded without any metadata. PDFs pass unchanged.
import 'server-only';
import sharp from 'sharp';
import type { AllowedEvidenceType } from '@/lib/cases/rules/evidence-limits';

/** Refuses decompression bombs: no phone photo comes near 60 megapixels. */
const MAX_INPUT_PIXELS = 60_000_000;

export class UnreadableImageError extends Error {
  constructor(cause: unknown) {
    super(`The image could not be decoded: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = 'UnreadableImageError';
  }
}

export async function stripImageMetadata(bytes: Uint8Array, mimeType: AllowedEvidenceType): Promise<Uint8Array> {
  if (mimeType === 'application/pdf') return bytes;
  try {
    const image = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).autoOrient();
    const output = mimeType === 'image/jpeg' ? image.jpeg({ quality: 90 }) : image.png({ compressionLevel: 9 });
    // sharp writes no metadata unless asked to (keepMetadata/withMetadata), so the output carries none.
    return new Uint8Array(await output.toBuffer());
  } catch (error) {
    throw new UnreadableImageError(error);
  }
}
