// The layer table of docs/architecture.md, enforced: which folder may import which. Each layer gets one
// `no-restricted-imports` entry (ESLint keeps only the last entry of a rule per file, so a layer's list is complete),
// and components also get `layers/no-server-only-import`, which opens the imported module and refuses it when it
// starts with `import 'server-only'` (a data module), wherever lib/ puts it.
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

/** `@/app/...` or a relative path reaching the app folder. */
const APP = {
  regex: '^(@/|(\\.\\./)+)app(/|$)',
  message: 'Only app/ imports app/: pass server actions down as props.',
};
const DATABASE = {
  // The generated enums are plain constants of the schema, safe anywhere.
  regex: '^(@/lib/db/(?!generated/enums$)|@prisma/|pg$)',
  message: 'The database is reached through a use case or read model in lib/, never from here.',
};

const layer = (files, patterns, extra = {}) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: patterns.map((p) => ({ allowTypeImports: true, ...p })) }],
    ...extra,
  },
});

function resolveModule(specifier, importer) {
  let base;
  if (specifier.startsWith('@/')) base = path.join(ROOT, specifier.slice(2));
  else if (specifier.startsWith('.')) base = path.resolve(path.dirname(importer), specifier);
  else return null;
  const candidates = ['', '.ts', '.tsx', '.js', '.mjs', '/index.ts', '/index.tsx'].map((ext) => base + ext);
  return candidates.find((candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile()) ?? null;
}

const serverOnlyCache = new Map();
function isServerOnly(file) {
  if (!serverOnlyCache.has(file)) {
    const head = fs.readFileSync(file, 'utf8').slice(0, 4000);
    serverOnlyCache.set(file, /^\s*import\s+['"]server-only['"]/m.test(head));
  }
  return serverOnlyCache.get(file);
}

const noServerOnlyImport = {
  meta: {
    type: 'problem',
    docs: { description: 'UI code may not import a module marked server-only (types excepted)' },
    messages: {
      serverOnly:
        "'{{specifier}}' is server-only (it reaches the database or secrets): the page loads the data and hands it down.",
    },
    schema: [],
  },
  create(context) {
    const check = (node) => {
      if (node.importKind === 'type' || !node.source) return;
      if (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === 'type')) return;
      const file = resolveModule(node.source.value, context.filename);
      if (file && isServerOnly(file)) {
        context.report({ node: node.source, messageId: 'serverOnly', data: { specifier: node.source.value } });
      }
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

export const importBoundaries = [
  { plugins: { layers: { rules: { 'no-server-only-import': noServerOnlyImport } } } },
  // Routes only: pages, layouts, server actions and route handlers call lib/, never the database client.
  layer(['app/**'], [DATABASE]),
  // The domain and its services never reach up into routes or UI.
  layer(
    ['lib/**'],
    [
      APP,
      { regex: '^(@/|(\\.\\./)+)components(/|$)', message: 'lib/ serves app/ and components/, never imports them.' },
    ],
  ),
  // The shared core (caller, errors) stands below the case domain: auth, admin and integration import it alone.
  layer(
    ['lib/core/**'],
    [
      APP,
      { regex: '^(@/|(\\.\\./)+)components(/|$)', message: 'lib/ serves app/ and components/, never imports them.' },
      { regex: '^(@/lib/|\\.\\./)cases(/|$)', message: 'lib/core stands below the case domain: it may not import it.' },
    ],
  ),
  // UI: props in, events out. No routes, no database, no server-only module.
  layer(['components/**'], [APP, DATABASE], { 'layers/no-server-only-import': 'error' }),
];
