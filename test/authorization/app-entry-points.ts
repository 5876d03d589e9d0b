// Finds every entry point of the app: pages (app/**/page.tsx), route handlers (app/**/route.ts) with the HTTP methods
// they export, and server actions (the exports of every 'use server' module). Pure file reading, no Next.js.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const SOURCE_DIRS = ['app', 'lib', 'components'];
const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

function walk(dir: string): string[] {
  const absolute = path.join(ROOT, dir);
  return readdirSync(absolute, { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'generated' ? [] : walk(relative);
    return /\.(ts|tsx|js|jsx)$/.test(entry.name) ? [relative] : [];
  });
}

/** `app/my-cases/[caseId]/page.tsx` → `/my-cases/[caseId]` (route groups `(name)` leave no segment). */
export function routePathOf(file: string): string {
  const segments = file
    .split('/')
    .slice(1, -1)
    .filter((segment) => !/^\(.*\)$/.test(segment));
  return `/${segments.join('/')}`;
}

export function listPages(): string[] {
  return walk('app')
    .filter((file) => /\/page\.(tsx|ts|jsx|js)$/.test(file))
    .sort();
}

export function listRouteHandlers(): { file: string; methods: string[] }[] {
  return walk('app')
    .filter((file) => /\/route\.(ts|js)$/.test(file))
    .sort()
    .map((file) => {
      const source = readFileSync(path.join(ROOT, file), 'utf8');
      const methods = HTTP_METHODS.filter((method) =>
        new RegExp(
          `export\\s+(async\\s+)?(function|const|let)\\s+${method}\\b|export\\s*\\{[^}]*\\bas\\s+${method}\\b[^}]*\\}|export\\s*\\{[^}]*\\b${method}\\b[^}]*\\}`,
        ).test(source),
      );
      return { file, methods };
    });
}

function isUseServerModule(source: string): boolean {
  // The directive must be the first statement; comments may come before it.
  const code = source.replace(/^(\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/))*/, '').trimStart();
  return /^['"]use server['"]/.test(code);
}

/** `file#export` for every export of every 'use server' module. */
export function listServerActions(): string[] {
  return SOURCE_DIRS.flatMap(walk)
    .filter((file) => isUseServerModule(readFileSync(path.join(ROOT, file), 'utf8')))
    .flatMap((file) => {
      const source = readFileSync(path.join(ROOT, file), 'utf8');
      const names = [
        ...[...source.matchAll(/export\s+(?:async\s+)?function\s+(\w+)/g)].map((match) => match[1]!),
        ...[...source.matchAll(/export\s+(?:const|let)\s+(\w+)/g)].map((match) => match[1]!),
        ...[...source.matchAll(/export\s*\{([^}]*)\}/g)].flatMap((match) =>
          match[1]!
            .split(',')
            .map((part) =>
              part
                .trim()
                .split(/\s+as\s+/)
                .at(-1)!
                .trim(),
            )
            .filter(Boolean),
        ),
        ...(/export\s+default\b/.test(source) ? ['default'] : []),
      ];
      return [...new Set(names)].map((name) => `${file}#${name}`);
    })
    .sort();
}
