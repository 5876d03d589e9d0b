// Evidence in an S3-compatible object store (EVIDENCE_STORE=s3), through @aws-sdk/client-s3:
//   EVIDENCE_S3_BUCKET, EVIDENCE_S3_REGION (default us-east-1), EVIDENCE_S3_ENDPOINT (e.g.
//   https://oss-cn-hangzhou.aliyuncs.com, https://cos.ap-guangzhou.myqcloud.com; empty for AWS itself),
//   EVIDENCE_S3_ACCESS_KEY_ID, EVIDENCE_S3_SECRET_ACCESS_KEY, EVIDENCE_S3_FORCE_PATH_STYLE (1 for MinIO and most
//   private deployments), EVIDENCE_S3_SSE (e.g. AES256: server-side encryption of every object).
// Checksums are computed only when an operation requires them: the SDK's newer default (CRC32 trailers on every
// upload) is not understood by several S3-compatible stores.
import 'server-only';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  type ServerSideEncryption,
} from '@aws-sdk/client-s3';
import { z } from 'zod';
import { EvidenceObjectMissingError, type EvidenceBackend } from './store-backend';

export interface S3EvidenceConfig {
  bucket: string;
  region: string;
  endpoint: string | undefined;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
  serverSideEncryption: string | undefined;
}

export function s3EvidenceConfig(env: Record<string, string | undefined> = process.env): S3EvidenceConfig {
  const parsed = z
    .object({
      EVIDENCE_S3_BUCKET: z.string().min(3).max(63),
      EVIDENCE_S3_REGION: z.string().min(1).default('us-east-1'),
      EVIDENCE_S3_ENDPOINT: z.url().optional(),
      EVIDENCE_S3_ACCESS_KEY_ID: z.string().min(1),
      EVIDENCE_S3_SECRET_ACCESS_KEY: z.string().min(1),
      EVIDENCE_S3_FORCE_PATH_STYLE: z.enum(['0', '1']).default('0'),
      EVIDENCE_S3_SSE: z.string().min(1).optional(),
    })
    .safeParse(env);
  if (!parsed.success) {
    const names = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.')))];
    throw new Error(`EVIDENCE_STORE=s3 is not configured correctly: ${names.join(', ')}`);
  }
  const value = parsed.data;
  return {
    bucket: value.EVIDENCE_S3_BUCKET,
    region: value.EVIDENCE_S3_REGION,
    endpoint: value.EVIDENCE_S3_ENDPOINT,
    accessKeyId: value.EVIDENCE_S3_ACCESS_KEY_ID,
    secretAccessKey: value.EVIDENCE_S3_SECRET_ACCESS_KEY,
    forcePathStyle: value.EVIDENCE_S3_FORCE_PATH_STYLE === '1',
    serverSideEncryption: value.EVIDENCE_S3_SSE,
  };
}

export function s3EvidenceBackend(config: S3EvidenceConfig): EvidenceBackend {
  const client = new S3Client({
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    forcePathStyle: config.forcePathStyle,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const Bucket = config.bucket;
  return {
    name: 's3',
    async put(key, bytes) {
      await client.send(
        new PutObjectCommand({
          Bucket,
          Key: key,
          Body: bytes,
          ContentType: 'application/octet-stream',
          // Never overwrite: keys are random, and a second write of one would be a bug.
          IfNoneMatch: '*',
          ...(config.serverSideEncryption
            ? { ServerSideEncryption: config.serverSideEncryption as ServerSideEncryption }
            : {}),
        }),
      );
    },
    async open(key) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        if (!object.Body) throw new EvidenceObjectMissingError(key);
        return object.Body.transformToWebStream() as ReadableStream<Uint8Array>;
      } catch (error) {
        if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') {
          throw new EvidenceObjectMissingError(key);
        }
        throw error;
      }
    },
    async remove(keys) {
      for (const key of keys) await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },
    async *list() {
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket, ContinuationToken }));
        for (const object of page.Contents ?? []) if (object.Key) yield object.Key;
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
    },
  };
}
