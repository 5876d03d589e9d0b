// Finds which message namespaces the client components of each area of the app can use: every 'use client' module
// reachable from the area's route files, and every module those import (schemas whose messages are message keys).
// A namespace counts when a module names it: useTranslations('ns…'), or a string literal 'ns.key…'; the names found are
// dotted paths ('supervise.table'), which a part's namespace or that group of it covers.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

function resolveImport(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith('@/')) base = path.join(ROOT, specifier.slice(2));
  else if (specifier.startsWith('.')) base = path.resolve(path.dirname(from), specifier);
  else return null;
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, 'index.ts'),
    path.join(base, 'index.tsx'),
  ])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return null;
}

/** Imports and re-exports that stay in the compiled module (`import type` is erased), and dynamic imports. */
const IMPORT = /(?:import|export)\s+(?!type\s)[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)]
    .map((match) => resolveImport(file, match[1] ?? match[2]!))
    .filter((resolved): resolved is string => resolved !== null && !/\.test\.tsx?$/.test(resolved));
}

function isClient(file: string): boolean {
  return /^\s*(\/\/[^\n]*\n\s*)*['"]use client['"]/.test(readFileSync(file, 'utf8'));
}

function namespacesNamed(file: string, known: ReadonlySet<string>): Set<string> {
  // getTranslations('ns.…') translates on the server: its namespace is not a key handed to the browser.
  const text = readFileSync(file, 'utf8').replace(/getTranslations\(\s*(['"`])[^'"`]*\1/g, 'getTranslations(');
  const found = new Set<string>();
  // The dotted path a module names: 'ns.group' of useTranslations('ns.group'), and of a key 'ns.group.key' or
  // `ns.group.${key}` elsewhere (the key's last part left off).
  const translators = /useTranslations\(\s*(['"`])([a-z][A-Za-z]*(?:\.[A-Za-z_]+)*)\1/g;
  const keys = /['"`]([a-z][A-Za-z]*(?:\.[A-Za-z_]+)*)\.[A-Za-z_${]/g;
  const named = [
    ...[...text.matchAll(translators)].map((match) => match[2]!),
    ...[...text.replace(translators, 'useTranslations(').matchAll(keys)].map((match) => match[1]!),
  ];
  for (const path of named) if (known.has(path.split('.')[0]!)) found.add(path);
  return found;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/**
 * The namespaces the client side of a set of route files can use: those named by client modules reachable from
 * them (and everything those import), and those the route files themselves name (keys handed to client components).
 */
export function clientNamespacesOf(entries: readonly string[], known: ReadonlySet<string>): Set<string> {
  const found = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string, clientSide: boolean) => {
    const key = `${clientSide}:${file}`;
    if (seen.has(key)) return;
    seen.add(key);
    const client = clientSide || isClient(file);
    if (client) for (const namespace of namespacesNamed(file, known)) found.add(namespace);
    for (const imported of importsOf(file)) visit(imported, client);
  };
  for (const entry of entries) {
    visit(entry, false);
    for (const namespace of namespacesNamed(entry, known)) found.add(namespace);
  }
  return found;
}

/** The route files of an app directory (app/review …), or of the root segment alone (app/*.tsx). */
export function routeFiles(segment: string | null): string[] {
  const app = path.join(ROOT, 'app');
  if (segment === null)
    return readdirSync(app)
      .filter((name) => /\.tsx?$/.test(name))
      .map((name) => path.join(app, name));
  return filesUnder(path.join(app, segment));
}
