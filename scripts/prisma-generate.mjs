// `prisma generate` never runs Prisma's schema engine, but the CLI insists on finding one and would try to
// download it (unreachable here). Point it at any existing file; generation itself is pure JavaScript/WASM.
// A production install (`npm ci --omit=dev` in a folder holding the build, deploy/artefact.txt) has no schema and needs
// no generation: the client is compiled into .next/ and dist/scripts/. npm may still install the Prisma CLI there (an
// optional peer dependency of @prisma/client), so the schema's absence decides, as does the CLI's.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const hasSchema = existsSync(path.resolve(import.meta.dirname, '..', 'prisma', 'schema.prisma'));
let hasCli = true;
try {
  createRequire(import.meta.url).resolve('prisma/package.json');
} catch {
  hasCli = false;
}
if (!hasSchema || !hasCli) {
  console.log('production install: the Prisma client comes with the build (prisma generate skipped)');
  process.exit(0);
}

const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? fileURLToPath(import.meta.url),
};
const result = spawnSync('npx', ['--no-install', 'prisma', 'generate'], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
