import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkEvidenceFile, checkEvidenceFiles } from './evidence-rules';
import { ALLOWED_EVIDENCE_TYPES, MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILES } from './evidence-limits';

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real 1×1 grey PNG. */
function tinyPng(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.from([0, 0x80]))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The start of a baseline JPEG: SOI, a JFIF APP0 segment, EOI. */
function tinyJpeg(): Buffer {
  const app0 = Buffer.from([
    0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
  ]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, Buffer.from([0xff, 0xd9])]);
}

function tinyPdf(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  );
}

/** A Windows executable: 'MZ' DOS header pointing at a 'PE\0\0' signature. */
function windowsExecutable(): Buffer {
  const bytes = Buffer.alloc(512);
  bytes.write('MZ', 0, 'ascii');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('PE\0\0', 0x80, 'binary');
  return bytes;
}

describe('checkEvidenceFile', () => {
  it.each([
    ['scan.pdf', tinyPdf(), 'application/pdf', 'pdf'],
    ['photo.jpg', tinyJpeg(), 'image/jpeg', 'jpg'],
    ['screenshot.png', tinyPng(), 'image/png', 'png'],
    // The name does not matter either way: a PNG called .pdf is a PNG.
    ['misnamed.pdf', tinyPng(), 'image/png', 'png'],
  ])('accepts %s as %s by its content', async (name, bytes, mimeType, extension) => {
    expect(await checkEvidenceFile({ name, bytes })).toEqual({
      name,
      sizeBytes: bytes.length,
      ok: true,
      mimeType,
      extension,
    });
  });

  it.each([
    ['setup.png', windowsExecutable()],
    ['notes.pdf', Buffer.from('just some text, not a PDF at all')],
    ['archive.jpg', deflateSync(Buffer.from('zip-like bytes'))],
    ['page.png', Buffer.from('<html><body>hi</body></html>')],
  ])('refuses %s whose content is not a PDF, JPEG or PNG', async (name, bytes) => {
    expect(await checkEvidenceFile({ name, bytes })).toMatchObject({
      name,
      ok: false,
      error: 'evidence.errors.typeNotAllowed',
    });
  });

  it('refuses an empty file', async () => {
    expect(await checkEvidenceFile({ name: 'empty.png', bytes: new Uint8Array(0) })).toMatchObject({
      ok: false,
      error: 'evidence.errors.empty',
    });
  });

  it('accepts exactly 5 MB and refuses one byte more', async () => {
    expect(MAX_EVIDENCE_BYTES).toBe(5 * 1024 * 1024);
    const atLimit = Buffer.alloc(MAX_EVIDENCE_BYTES);
    tinyPdf().copy(atLimit);
    expect(await checkEvidenceFile({ name: 'big.pdf', bytes: atLimit })).toMatchObject({
      ok: true,
      mimeType: 'application/pdf',
    });
    const overLimit = Buffer.alloc(MAX_EVIDENCE_BYTES + 1);
    tinyPdf().copy(overLimit);
    expect(await checkEvidenceFile({ name: 'big.pdf', bytes: overLimit })).toMatchObject({
      ok: false,
      sizeBytes: MAX_EVIDENCE_BYTES + 1,
      error: 'evidence.errors.tooLarge',
    });
  });
});

describe('checkEvidenceFiles', () => {
  it('accepts none, or up to five good files', async () => {
    expect(await checkEvidenceFiles([])).toEqual({ ok: true, error: null, files: [] });
    const five = Array.from({ length: MAX_EVIDENCE_FILES }, (_, index) => ({
      name: `p${index}.png`,
      bytes: tinyPng(),
    }));
    const result = await checkEvidenceFiles(five);
    expect(result.ok).toBe(true);
    expect(result.files).toHaveLength(5);
  });

  it('refuses six files', async () => {
    const six = Array.from({ length: 6 }, (_, index) => ({ name: `p${index}.png`, bytes: tinyPng() }));
    expect(await checkEvidenceFiles(six)).toEqual({ ok: false, error: 'evidence.errors.tooMany', files: [] });
  });

  it('names the bad file among good ones', async () => {
    const result = await checkEvidenceFiles([
      { name: 'ok.pdf', bytes: tinyPdf() },
      { name: 'evil.png', bytes: windowsExecutable() },
      { name: 'ok.jpg', bytes: tinyJpeg() },
    ]);
    expect(result.ok).toBe(false);
    expect(result.error).toBeNull();
    expect(result.files.map((file) => (file.ok ? file.mimeType : file.error))).toEqual([
      'application/pdf',
      'evidence.errors.typeNotAllowed',
      'image/jpeg',
    ]);
  });

  it('allows only the three types of SPEC §4', () => {
    expect([...ALLOWED_EVIDENCE_TYPES].sort()).toEqual(['application/pdf', 'image/jpeg', 'image/png']);
  });
});
