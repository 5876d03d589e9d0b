// Evidence reads against a real PostgreSQL: the case's citizen and the case province's staff get the file; another
// citizen, another province's reviewer, an administrator and made-up ids get "not found". Stored images carry no GPS.
import sharp from 'sharp';
import { beforeEach, describe, expect, it } from 'vitest';
import { CaseNotFoundError } from '@/lib/core/errors';
import { submitAppeal } from '@/lib/cases/use-cases/submit-appeal';
import { getPrisma } from '@/lib/db/client';
import { resetCaseData } from '@/test/support/db';
import { createUser, validFiling, type TestUser } from '@/test/support/fixtures';
import { attachmentDisposition, readEvidenceFor } from './read-evidence';
import { jpegWithGps, minimalPdf } from '@/test/support/images';
import { withTemporaryEvidenceStore } from '@/test/support/evidence-store';

withTemporaryEvidenceStore('evidence-');

const bytesOf = async (download: { body: ReadableStream<Uint8Array> }) =>
  Buffer.from(await new Response(download.body).arrayBuffer());

describe('readEvidenceFor', () => {
  let owner: TestUser;
  let jpegId: string;
  let pdfId: string;

  beforeEach(async () => {
    await resetCaseData();
    owner = await createUser('CITIZEN');
    await createUser('REVIEWER', { provinceCode: '34', unitCode: '340200' });
    const filed = await submitAppeal(owner, validFiling({ issuingProvinceCode: '34', issuingUnitCode: '340100' }), [
      { name: 'photo.jpg', bytes: await jpegWithGps() },
      { name: '证明.pdf', bytes: minimalPdf() },
    ]);
    const files = await getPrisma().evidence.findMany({
      where: { caseId: filed.case.id },
      orderBy: { fileName: 'asc' },
    });
    jpegId = files.find((file) => file.mimeType === 'image/jpeg')!.id;
    pdfId = files.find((file) => file.mimeType === 'application/pdf')!.id;
  });

  it('gives the case’s citizen their files, images stripped of GPS and camera data', async () => {
    const photo = await readEvidenceFor(owner, jpegId);
    const photoBytes = await bytesOf(photo);
    expect(photo.fileName).toBe('photo.jpg');
    expect(photo.mimeType).toBe('image/jpeg');
    const meta = await sharp(photoBytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(photoBytes.includes(Buffer.from('ProbeCam'))).toBe(false);
    const row = await getPrisma().evidence.findFirstOrThrow({ where: { id: jpegId } });
    expect(row.sizeBytes).toBe(photoBytes.byteLength);

    const pdf = await readEvidenceFor(owner, pdfId);
    expect((await bytesOf(pdf)).equals(Buffer.from(minimalPdf()))).toBe(true);
  });

  it('gives the file to a reviewer and a supervisor of the case’s province and to a national supervisor', async () => {
    const reviewer = await createUser('REVIEWER', { provinceCode: '34' });
    const supervisor = await createUser('SUPERVISOR', { provinceCode: '34' });
    const national = await createUser('SUPERVISOR', { provinceCode: null });
    for (const user of [reviewer, supervisor, national]) {
      expect((await readEvidenceFor(user, pdfId)).mimeType).toBe('application/pdf');
    }
  });

  it('answers "not found" to another citizen, another province’s staff and an administrator', async () => {
    const stranger = await createUser('CITIZEN');
    const otherReviewer = await createUser('REVIEWER', { provinceCode: '41' });
    const otherSupervisor = await createUser('SUPERVISOR', { provinceCode: '41' });
    const admin = await createUser('ADMIN');
    for (const user of [stranger, otherReviewer, otherSupervisor, admin]) {
      await expect(readEvidenceFor(user, jpegId)).rejects.toBeInstanceOf(CaseNotFoundError);
    }
  });

  it('answers "not found" to ids that do not exist or are not ids at all', async () => {
    await expect(readEvidenceFor(owner, '00000000-0000-4000-8000-000000000000')).rejects.toBeInstanceOf(
      CaseNotFoundError,
    );
    await expect(readEvidenceFor(owner, '../../etc/passwd')).rejects.toBeInstanceOf(CaseNotFoundError);
  });
});

describe('attachmentDisposition', () => {
  it('keeps an ASCII name and adds the encoded form', () => {
    expect(attachmentDisposition('report.pdf', 'application/pdf', 'evidence')).toBe(
      `attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`,
    );
  });

  it('gives a Chinese name an ASCII fallback and the full name percent-encoded', () => {
    const value = attachmentDisposition('核酸报告.pdf', 'application/pdf', 'evidence');
    expect(value).toContain('filename="evidence.pdf"');
    expect(value).toContain(`filename*=UTF-8''${encodeURIComponent('核酸报告.pdf')}`);
  });

  it('drops quotes, slashes, control characters and header separators', () => {
    const value = attachmentDisposition('a"b\\c/..\r\nSet-Cookie: x;.png', 'image/png', 'evidence');
    expect(value).not.toMatch(/[\r\n]/);
    const fallback = /filename="([^"]*)"/.exec(value)?.[1] ?? '';
    expect(fallback).not.toMatch(/["\\/;]/);
    expect(value.split('filename*=')[1]).not.toMatch(/["\s;]/);
  });

  it('names the file from its checked content type, not from the uploaded name', () => {
    // A PDF uploaded as page.html downloads as page.pdf; a JPEG named with an extra extension keeps only its own.
    expect(attachmentDisposition('page.html', 'application/pdf', 'evidence')).toBe(
      `attachment; filename="page.pdf"; filename*=UTF-8''page.pdf`,
    );
    expect(attachmentDisposition('photo.png.exe', 'image/jpeg', 'evidence')).toContain('filename="photo.png.jpg"');
    expect(attachmentDisposition('noextension', 'image/png', 'evidence')).toContain('filename="noextension.png"');
  });

  it('drops right-to-left overrides and other invisible format characters', () => {
    // "invoice\u202Egpj.html" reads as "invoicelmth.jpg" on screen.
    const value = attachmentDisposition('invoice\u202Egpj.html', 'application/pdf', 'evidence');
    expect(value).toBe(`attachment; filename="invoicegpj.pdf"; filename*=UTF-8''invoicegpj.pdf`);
    expect(value).not.toContain('%E2%80%AE');
  });
});
