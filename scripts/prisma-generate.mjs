// `prisma generate` never runs Prisma's schema engine, but the CLI insists on finding one and would try to
// download it (unreachable here). Point it at any existing file; generation itself is pure JavaScript/WASM.
// A production install (`npm ci --omit=dev`) has no Prisma CLI and needs none: the client is compiled into the build
// (.next/ and dist/scripts/), so generation is skipped there.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

try {
  createRequire(import.meta.url).resolve('prisma/package.json');
} catch {
  console.log('prisma CLI not installed (production install): the Prisma client comes with the build');
  process.exit(0);
}

const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? fileURLToPath(import.meta.url),
};
const result = spawnSync('npx', ['--no-install', 'prisma', 'generate'], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
