import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import { importBoundaries } from './eslint/import-boundaries.mjs';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      '.next/**',
      'lib/db/generated/**',
      'node_modules/**',
      '.data/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
    ],
  },
  // The layer table (docs/architecture.md): which folder may import which.
  ...importBoundaries,
  {
    // Rewritten in its own branch (issue 12): it still imports its server actions from app/.
    files: ['components/citizen/filing-wizard.tsx'],
    rules: { 'no-restricted-imports': 'off' },
  },
];

export default config;
