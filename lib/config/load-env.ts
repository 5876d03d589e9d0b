// Loads .env.local (and .env) into process.env for command-line scripts; Next.js does this itself.
// On first run it writes .env.local with freshly generated development secrets (never committed).
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The checkout or install folder (also right in dist/scripts/ bundles, which sit two folders deep as well). */
export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');
const ROOT = PROJECT_ROOT;

/** Secrets the app needs; in development each gets a random value on first run. */
export const REQUIRED_SECRETS = [
  'NEXTAUTH_SECRET',
  'ID_ENCRYPTION_KEY',
  'ID_HASH_KEY',
  'INTEGRATION_KEY_SECRET',
] as const;

/** Generated for development too: the audit checkpoint signing key (a 32-byte Ed25519 seed, docs/audit.md). */
const DEVELOPMENT_SECRETS = [...REQUIRED_SECRETS, 'AUDIT_CHECKPOINT_KEY'] as const;

export function ensureDevelopmentEnvFile(): void {
  const file = path.join(ROOT, '.env.local');
  const existing = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const missing = DEVELOPMENT_SECRETS.filter(
    (name) => !process.env[name] && !new RegExp(`^${name}=`, 'm').test(existing),
  );
  if (missing.length === 0) return;
  const lines = missing.map((name) => `${name}=${randomBytes(32).toString('base64')}`);
  const header = existing ? '' : '# Generated on first run for development. Never commit this file.\n';
  writeFileSync(file, `${existing}${existing && !existing.endsWith('\n') ? '\n' : ''}${header}${lines.join('\n')}\n`, {
    mode: 0o600,
  });
}

export function loadEnv(): void {
  for (const name of ['.env.local', '.env']) {
    const file = path.join(ROOT, name);
    if (existsSync(file)) process.loadEnvFile(file);
  }
}
