// The layer table is enforced by the linter: these run the project's own ESLint configuration over sources written
// here, placed (by their file path) in each layer, and expect the boundary errors, or none where the import is allowed.
import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** The boundary rules that fire on `source` placed at `file` (other rules, such as unused imports, are left out). */
async function boundaryErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const used = [x];\n`, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? [])
    .filter(
      (message) => message.ruleId === 'no-restricted-imports' || message.ruleId === 'layers/no-server-only-import',
    )
    .map((message) => `${message.ruleId}: ${message.message}`);
}

/** A lib/ module marked server-only, found rather than named, so the test follows lib/ when it is reorganised. */
function someServerOnlyModule(): string {
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'db' || entry.name === 'generated' ? [] : walk(full);
      return /\.tsx?$/.test(entry.name) && !entry.name.includes('.test.') ? [full] : [];
    });
  const file = walk(path.join(ROOT, 'lib')).find((candidate) =>
    /^\s*import\s+['"]server-only['"]/m.test(fs.readFileSync(candidate, 'utf8')),
  );
  if (!file) throw new Error('no server-only module in lib/');
  return `@/${path.relative(ROOT, file).replace(/\.tsx?$/, '')}`;
}

describe('components', () => {
  it('may not import from app/ (by alias or by relative path)', async () => {
    expect(
      await boundaryErrors('components/admin/example.tsx', "import { x } from '@/app/admin/staff/actions';"),
    ).toEqual([expect.stringContaining('Only app/ imports app/')]);
    expect(
      await boundaryErrors('components/admin/example.tsx', "import { x } from '../../app/review/actions';"),
    ).toEqual([expect.stringContaining('Only app/ imports app/')]);
  });

  it('may not import the database layer', async () => {
    for (const specifier of ['@/lib/db/client', '@/lib/db/generated/client', '@prisma/client']) {
      expect(await boundaryErrors('components/ui/example.tsx', `import { x } from '${specifier}';`)).toContainEqual(
        expect.stringContaining('The database is reached through'),
      );
    }
  });

  it('may not import a server-only module, but may import its types', async () => {
    const serverOnly = someServerOnlyModule();
    expect(await boundaryErrors('components/ui/example.tsx', `import { x } from '${serverOnly}';`)).toEqual([
      expect.stringContaining('is server-only'),
    ]);
    expect(await boundaryErrors('components/ui/example.tsx', `import type { x } from '${serverOnly}';`)).toEqual([]);
  });

  it('may import other components, the schema enums and types from the server', async () => {
    const source = [
      "import { x } from '@/components/ui/text-field';",
      "import { CaseState } from '@/lib/db/generated/enums';",
      "import type { y } from '@/app/review/actions';",
      'export const z = CaseState;',
    ].join('\n');
    expect(await boundaryErrors('components/reviewer/example.tsx', source)).toEqual([]);
  });
});

describe('lib and app', () => {
  it('lib/ may not import app/ or components/', async () => {
    expect(await boundaryErrors('lib/cases/example.ts', "import { x } from '@/app/review/actions';")).toHaveLength(1);
    expect(
      await boundaryErrors('lib/admin/example.ts', "import { x } from '@/components/ui/text-field';"),
    ).toHaveLength(1);
  });

  it('lib/core may not import the case domain', async () => {
    expect(await boundaryErrors('lib/core/example.ts', "import { x } from '@/lib/cases/transitions';")).toEqual([
      expect.stringContaining('lib/core stands below the case domain'),
    ]);
    expect(await boundaryErrors('lib/core/example.ts', "import { x } from '../cases/transitions';")).toHaveLength(1);
  });

  it('app/ may not reach the database client or Prisma', async () => {
    expect(await boundaryErrors('app/admin/example/page.tsx', "import { x } from '@/lib/db/client';")).toHaveLength(1);
    expect(await boundaryErrors('app/api/example/route.ts', "import { x } from '@prisma/client';")).toHaveLength(1);
    expect(await boundaryErrors('app/admin/example/page.tsx', "import { x } from '@/lib/admin/schemas';")).toEqual([]);
  });
});
