// A real S3-compatible server on loopback for tests: s3rver (npm), which stores objects in a temporary folder and
// speaks the S3 REST API (path-style buckets, ListObjectsV2, conditional writes ignored). Chosen because it is pure
// JavaScript (MinIO, the usual choice, is a Go binary not available from the npm registry) and works on Node 20.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
// @ts-expect-error s3rver ships no type declarations
import S3rver from 's3rver';

export interface LocalS3 {
  endpoint: string;
  bucket: string;
  /** The EVIDENCE_* settings that point the evidence store at it. */
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function startLocalS3(bucket = 'evidence'): Promise<LocalS3> {
  const directory = await mkdtemp(path.join(tmpdir(), 's3rver-'));
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  }) as { run(): Promise<{ port: number }>; close(): Promise<void> };
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    env: {
      EVIDENCE_STORE: 's3',
      EVIDENCE_S3_ENDPOINT: endpoint,
      EVIDENCE_S3_BUCKET: bucket,
      EVIDENCE_S3_REGION: 'us-east-1',
      EVIDENCE_S3_ACCESS_KEY_ID: 'S3RVER',
      EVIDENCE_S3_SECRET_ACCESS_KEY: 'S3RVER',
      EVIDENCE_S3_FORCE_PATH_STYLE: '1',
    },
    async close() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
