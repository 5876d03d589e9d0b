// Property-based fuzzing of the citizen's filing (the body of POST /api/appeals and of the wizard's action, parsed by
// submitAppeal) and of the reviewer queue's query parameters, against the real database: whatever arrives — not an
// object, deep nesting, U+0000 in any text, crafted cursors — the answer is a domain error (a 4xx) or a result, never
// an unexpected error (a 5xx), and a refused filing writes no row and stores no evidence file.
import { readdir } from 'node:fs/promises';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { isAppError, ValidationError } from '@/lib/core/errors';
import { findQueuePage, parseQueueParams } from '@/lib/cases/views/queue';
import { submitAppeal } from '@/lib/cases/use-cases/submit-appeal';
import { getPrisma } from '@/lib/db/client';
import { resetCaseData } from '@/test/support/db';
import { createUser, validFiling, type TestUser } from '@/test/support/fixtures';

let citizen: TestUser;
let reviewer: TestUser;

beforeAll(async () => {
  await resetCaseData();
  citizen = await createUser('CITIZEN');
  reviewer = await createUser('REVIEWER', { provinceCode: '34' });
});

async function rowCounts() {
  const prisma = getPrisma();
  const [cases, evidence, audit, outbox] = await Promise.all([
    prisma.case.count(),
    prisma.evidence.count(),
    prisma.auditEvent.count(),
    prisma.outboxEvent.count(),
  ]);
  return { cases, evidence, audit, outbox };
}

async function storedFiles(): Promise<number> {
  const dir = process.env.EVIDENCE_DIR ?? `${process.cwd()}/.data/evidence`;
  try {
    return (await readdir(dir, { recursive: true })).length;
  } catch {
    return 0;
  }
}

const NUL = '\u0000';
const notAnObject = fc.oneof(
  fc.constantFrom(null, [], 1, 'x', true, 0, '', [{}], [[[]]]),
  fc.jsonValue({ maxDepth: 4 }).filter((value) => typeof value !== 'object' || value === null || Array.isArray(value)),
  fc.constant(JSON.parse('['.repeat(2000) + ']'.repeat(2000)) as unknown),
);

/** A valid filing with one field replaced (often by text holding U+0000), removed, or one key smuggled in. */
function mutatedFiling() {
  const valid = validFiling();
  const field = fc.constantFrom(...Object.keys(valid));
  const nulText = fc
    .tuple(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }))
    .map(([a, b]) => `${a}${NUL}${b}`);
  const value = fc.oneof(nulText, fc.jsonValue({ maxDepth: 3 }), fc.string({ unit: 'binary', maxLength: 50 }));
  return fc.oneof(
    fc.tuple(field, value).map(([name, v]) => ({ ...validFiling(), [name]: v })),
    fc
      .tuple(field, nulText)
      .map(([name, text]) => ({ ...validFiling(), [name]: `${String(valid[name as keyof typeof valid])}${text}` })),
    field.map((name) => Object.fromEntries(Object.entries(validFiling()).filter(([key]) => key !== name))),
    fc.tuple(fc.string({ maxLength: 12 }), value).map(([name, v]) => ({ ...validFiling(), [name]: v })),
  );
}

describe('fuzzing the filing', () => {
  it('refuses any body that is not a filing object with a domain error, writing nothing', async () => {
    const before = await rowCounts();
    const files = await storedFiles();
    await fc.assert(
      fc.asyncProperty(notAnObject, async (body) => {
        const error = await submitAppeal(citizen, body).then(
          () => null,
          (thrown: unknown) => thrown,
        );
        expect(isAppError(error), String(error)).toBe(true);
        expect((error as ValidationError).status).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
    expect(await rowCounts()).toEqual(before);
    expect(await storedFiles()).toBe(files);
  });

  it('never fails unexpectedly on mutated filings; text with U+0000 is refused before its evidence is stored', async () => {
    const evidence = [{ name: 'page.pdf', bytes: new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n') }];
    await fc.assert(
      fc.asyncProperty(mutatedFiling(), fc.boolean(), async (body, withEvidence) => {
        const before = await rowCounts();
        const files = await storedFiles();
        const outcome = await submitAppeal(citizen, body, withEvidence ? evidence : []).then(
          () => 'filed' as const,
          (thrown: unknown) => thrown,
        );
        if (outcome === 'filed') return;
        expect(isAppError(outcome), String(outcome)).toBe(true);
        expect(await rowCounts()).toEqual(before);
        expect(await storedFiles()).toBe(files);
      }),
      { numRuns: 80 },
    );
  }, 120_000);

  it('names the field holding U+0000', async () => {
    const error = await submitAppeal(
      citizen,
      validFiling({ statement: `我当天${NUL}在芜湖上班，从未去过合肥的任何风险区域。` }),
    ).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({ statement: 'errors.nulCharacter' });
  });
});

describe('fuzzing the reviewer queue parameters', () => {
  const cursorLike = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc
      .tuple(
        fc.integer({ min: -1, max: 4 }),
        fc.oneof(fc.double(), fc.integer(), fc.constantFrom(8.64e15 + 1, -8.64e15 - 1, 1e20, -1)),
        fc.oneof(fc.uuid(), fc.string({ maxLength: 10 })),
        fc.oneof(fc.double(), fc.integer(), fc.constantFrom(253_402_300_800_000, 9e15, -62_200_000_000_000)),
      )
      .map((tuple) => Buffer.from(JSON.stringify(tuple)).toString('base64url')),
  );

  it('answers any query string with a page, never an unexpected error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            after: cursorLike,
            before: cursorLike,
            sort: fc.string({ maxLength: 10 }),
            filter: fc.string({ maxLength: 10 }),
            unit: fc.string({ maxLength: 10 }),
          },
          { requiredKeys: [] },
        ),
        async (params) => {
          const page = await findQueuePage(reviewer, parseQueueParams(params));
          expect(Array.isArray(page.rows)).toBe(true);
        },
      ),
      { numRuns: 120 },
    );
  }, 120_000);

  it('treats a cursor whose time is out of range as no cursor', async () => {
    const crafted = Buffer.from(JSON.stringify([0, 8.64e15, '0b6c8f3e-2f0e-4d7e-9a51-8d1c2a3b4c5d', 9e15])).toString(
      'base64url',
    );
    const query = parseQueueParams({ after: crafted });
    expect(query.after).toBeUndefined();
    // No 5xx and no error: the first page, as if no cursor had been given.
    const ids = (page: { rows: { id: string }[] }) => page.rows.map((row) => row.id);
    expect(ids(await findQueuePage(reviewer, query))).toEqual(ids(await findQueuePage(reviewer, parseQueueParams({}))));
  });
});
