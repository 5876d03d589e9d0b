// Evidence in an S3-compatible store, against a real one on loopback (s3rver, test/support/s3-server.ts): filing
// writes objects, authorised reads stream them back, others get "not found", retention erases the objects, and the
// consistency check finds objects missing after a restore and orphans left behind.
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { withdrawCase } from '@/lib/cases/use-cases/withdraw-case';
import { CaseNotFoundError } from '@/lib/core/errors';
import { submitAppeal } from '@/lib/cases/use-cases/submit-appeal';
import { prisma } from '@/lib/db/client';
import { erasePersonalDataOfClosedCases } from '@/lib/retention/erase-personal-data';
import { resetCaseData } from '@/test/support/db';
import { createUser, validFiling, type TestUser } from '@/test/support/fixtures';
import { startLocalS3, type LocalS3 } from '@/test/support/s3-server';
import { readEvidenceFor } from './read-evidence';
import { checkEvidenceConsistency } from './store-consistency';
import { minimalPdf } from '@/test/support/images';

let s3: LocalS3;
let client: S3Client;
let citizen: TestUser;

beforeAll(async () => {
  s3 = await startLocalS3();
  for (const [key, value] of Object.entries(s3.env)) vi.stubEnv(key, value);
  client = new S3Client({
    endpoint: s3.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
});

afterAll(async () => {
  vi.unstubAllEnvs();
  client.destroy();
  await s3.close();
});

beforeEach(async () => {
  await resetCaseData();
  // With no evidence rows left, every object of the previous test is an orphan.
  await checkEvidenceConsistency({ deleteOrphans: true });
  citizen = await createUser('CITIZEN');
});

async function exists(key: string): Promise<boolean> {
  return client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: key })).then(
    () => true,
    (error: { $metadata?: { httpStatusCode?: number } }) => {
      if (error.$metadata?.httpStatusCode === 404) return false;
      throw error;
    },
  );
}

async function fileWithPdf() {
  const { case: filed } = await submitAppeal(citizen, validFiling(), [{ name: '证明.pdf', bytes: minimalPdf() }]);
  const evidence = await prisma.evidence.findFirstOrThrow({ where: { caseId: filed.id } });
  return { filed, evidence };
}

describe('S3-compatible evidence store', () => {
  it('stores the filing’s file as an object and streams it back only to those allowed', async () => {
    const { evidence } = await fileWithPdf();
    expect(evidence.storageKey).toMatch(/^\d{2}\/[0-9a-f-]{36}\.pdf$/);
    const object = await client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: evidence.storageKey }));
    expect(Buffer.from(await object.Body!.transformToByteArray()).equals(Buffer.from(minimalPdf()))).toBe(true);

    const download = await readEvidenceFor(citizen, evidence.id);
    expect(download.body).toBeInstanceOf(ReadableStream);
    expect(download.sizeBytes).toBe(minimalPdf().byteLength);
    expect(Buffer.from(await new Response(download.body).arrayBuffer()).equals(Buffer.from(minimalPdf()))).toBe(true);

    const stranger = await createUser('CITIZEN');
    await expect(readEvidenceFor(stranger, evidence.id)).rejects.toBeInstanceOf(CaseNotFoundError);
  });

  it('retention erases the objects of cases closed long enough ago', async () => {
    const { filed, evidence } = await fileWithPdf();
    const withdrawn = await withdrawCase(citizen, {
      caseId: filed.id,
      expectedVersion: filed.version,
      reason: '问题已由社区解决，不再需要申诉。',
    });
    expect(await exists(evidence.storageKey)).toBe(true);
    const closedAt = withdrawn.case.closedAt!;
    const result = await erasePersonalDataOfClosedCases({
      now: new Date(closedAt.getTime() + 181 * 86_400_000),
      retentionDays: 180,
    });
    expect(result).toMatchObject({ casesErased: 1, evidenceFilesDeleted: 1 });
    expect(await exists(evidence.storageKey)).toBe(false);
    expect(await checkEvidenceConsistency()).toMatchObject({ missing: [], orphans: [] });
  });

  it('the consistency check names missing objects and orphans, and deletes orphans when asked', async () => {
    const { evidence } = await fileWithPdf();
    expect(await checkEvidenceConsistency()).toMatchObject({
      store: 's3',
      rowsWithFiles: 1,
      objects: 1,
      missing: [],
      orphans: [],
    });

    // A restore that brought back an object of a case the restored database no longer knows, and lost another.
    const orphan = '44/00000000-0000-4000-8000-000000000001.pdf';
    await client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: orphan, Body: minimalPdf() }));
    await client.send(new DeleteObjectCommand({ Bucket: s3.bucket, Key: evidence.storageKey }));
    expect(await checkEvidenceConsistency()).toMatchObject({
      missing: [evidence.storageKey],
      orphans: [orphan],
      orphansDeleted: 0,
    });
    await expect(readEvidenceFor(citizen, evidence.id)).rejects.toThrow(/missing from the store/);

    expect(await checkEvidenceConsistency({ deleteOrphans: true })).toMatchObject({
      orphans: [orphan],
      orphansDeleted: 1,
    });
    expect(await exists(orphan)).toBe(false);
  });
});
