// Property-based fuzzing over HTTP of every server action of the build (read from Next's server-reference manifest,
// so a new action is fuzzed without being listed here), of POST /api/appeals and of the queue's query parameters: as a
// stranger, a citizen, a reviewer, a supervisor and the administrator, with arbitrary and mutated bodies. Whatever
// arrives, the answer is never a 5xx, and nothing is written. This file runs in its own Playwright project after all
// the others (playwright.config.ts), so the row counts it compares are its own.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Browser } from '@playwright/test';
import fc from 'fast-check';
import { routePathOf } from '../../test/authorization/app-entry-points';
import { queryRows } from '../helpers/database';
import { signInAsCitizen, signInAsStaff } from '../helpers/sign-in';

interface ManifestAction {
  workers: Record<string, unknown>;
  filename: string;
  exportedName: string;
}

const manifest = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../.next/server/server-reference-manifest.json'), 'utf8'),
) as { node: Record<string, ManifestAction> };

/**
 * Actions left out, each with why: they take no input to fuzz, and what they do with none is their purpose
 * (ending the caller's sessions, which would end this spec's own sign-ins).
 */
const NOT_FUZZED: Record<string, string> = {
  signOutEverywhereAction: 'no input; ends every session of the caller',
};

/** A page that renders the action (its first worker), with dynamic segments filled by a well-formed unknown id. */
function pageOf(action: ManifestAction): string {
  const worker = Object.keys(action.workers).find((name) => name.endsWith('/page') && !name.includes('_not-found'));
  const route = routePathOf(`${worker ?? 'app/page'}.tsx`);
  return route.replace(/\[[^\]]+\]/g, '00000000-0000-4000-8000-000000000000');
}

const actions = Object.entries(manifest.node)
  .map(([id, action]) => ({ id, name: action.exportedName, file: action.filename, page: pageOf(action) }))
  .filter((action) => !(action.name in NOT_FUZZED))
  .sort((a, b) => `${a.file}${a.name}`.localeCompare(`${b.file}${b.name}`));

const FIELD_NAMES = [
  'caseId',
  'version',
  'reference',
  'mobile',
  'code',
  'idNumber',
  'name',
  'reason',
  'outcome',
  'decision',
  'note',
  'message',
  'locale',
  'provinceCode',
  'username',
  'password',
  'role',
  'state',
  'evidence',
  '__proto__',
  '$ACTION_ID_x',
  '1_$ACTION_REF_1',
  '0',
];
const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    '\u0000',
    'a\u0000b',
    '\u202Epdf.exe',
    '红'.repeat(5_000),
    'x'.repeat(60_000),
    '-1',
    '1e308',
    'null',
  ),
  fc.uuid().map(String),
  fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value) ?? 'null'),
);
const multipartBody = fc.dictionary(fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.string({ maxLength: 12 })), text, {
  maxKeys: 8,
});
/** What React's encodeReply would send as text: a JSON array of arguments, or anything else. */
const textBody = fc.oneof(
  fc.jsonValue({ maxDepth: 5 }).map((value) => JSON.stringify(value) ?? ''),
  fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 3 }).map((args) => JSON.stringify(args)),
  fc.constantFrom('', '[', '["$K1"]', '["$@1"]', '["$Q0"]', '{"__proto__":{"x":1}}', '[null,null]', '\u0000'),
  fc.string({ unit: 'binary', maxLength: 200 }),
);
type Body = { kind: 'multipart'; fields: Record<string, string> } | { kind: 'text'; body: string } | { kind: 'none' };
const body: fc.Arbitrary<Body> = fc.oneof(
  multipartBody.map((fields) => ({ kind: 'multipart', fields }) as const),
  textBody.map((value) => ({ kind: 'text', body: value }) as const),
  fc.constant({ kind: 'none' } as const),
);

const PER_ACTION_AND_ROLE = 6;

/** Rows of every table that holds what people do (bookkeeping of sessions, limits and codes left out). */
async function businessRowCounts(): Promise<Record<string, number>> {
  const bookkeeping = [
    'session',
    'rate_limit',
    'staff_lockout',
    'otp_challenge',
    'sms_message',
    'sms_delivery',
    'api_request_nonce',
    'job_run',
    '_prisma_migrations',
  ];
  const tables = await queryRows<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND NOT (tablename = ANY($1))
      ORDER BY tablename`,
    [bookkeeping],
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await queryRows<{ count: string }>(`SELECT count(*) AS count FROM "${name}"`);
    counts[name] = Number(row?.count ?? 0);
  }
  return counts;
}

/** The counts once the sign-in's own audit event (written as the session starts) has landed. */
async function settledRowCounts(): Promise<Record<string, number>> {
  let previous = await businessRowCounts();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const current = await businessRowCounts();
    if (JSON.stringify(current) === JSON.stringify(previous)) return current;
    previous = current;
  }
}

/** Signed in as a demo account of `role`; a citizen's mobile may be chosen (codes are rate limited per number). */
async function signedIn(browser: Browser, role: string, mobile = '13800000005'): Promise<APIRequestContext> {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (role === 'citizen') await signInAsCitizen(page, mobile);
  if (role === 'reviewer') await signInAsStaff(page, 'reviewer-gd-2');
  if (role === 'supervisor') await signInAsStaff(page, 'supervisor-gd');
  if (role === 'admin') await signInAsStaff(page, 'admin');
  await page.close();
  return context.request;
}

async function send(request: APIRequestContext, baseURL: string, target: string, id: string, sample: Body) {
  const headers = { 'Next-Action': id, Origin: baseURL, Accept: 'text/x-component' };
  if (sample.kind === 'multipart') return request.post(target, { headers, multipart: sample.fields, maxRedirects: 0 });
  if (sample.kind === 'text') {
    return request.post(target, {
      headers: { ...headers, 'Content-Type': 'text/plain;charset=UTF-8' },
      data: sample.body,
      maxRedirects: 0,
    });
  }
  return request.post(target, { headers, maxRedirects: 0 });
}

test.describe.configure({ mode: 'serial' });

test('the build has server actions to fuzz, and each is fuzzed or named with why not', () => {
  expect(actions.length).toBeGreaterThan(20);
  const names = new Set(Object.values(manifest.node).map((action) => action.exportedName));
  for (const skipped of Object.keys(NOT_FUZZED))
    expect(names, `${skipped} is gone: drop it from NOT_FUZZED`).toContain(skipped);
});

for (const role of ['stranger', 'citizen', 'reviewer', 'supervisor', 'admin']) {
  test(`every server action, as ${role}: no 5xx, nothing written`, async ({ browser, baseURL }) => {
    test.setTimeout(600_000);
    const request = role === 'stranger' ? (await browser.newContext()).request : await signedIn(browser, role);
    const before = await settledRowCounts();
    const failures: string[] = [];
    let seed = 20_261_204;
    for (const action of actions) {
      for (const sample of fc.sample(body, { numRuns: PER_ACTION_AND_ROLE, seed: seed++ })) {
        const response = await send(request, baseURL!, action.page, action.id, sample);
        if (response.status() >= 500) {
          failures.push(`${action.file}#${action.name} ${response.status()} ${JSON.stringify(sample).slice(0, 200)}`);
        }
      }
    }
    expect(failures, failures.join('\n')).toEqual([]);
    expect(await businessRowCounts()).toEqual(before);
  });
}

test('POST /api/appeals and the queue API: no 5xx on arbitrary bodies and parameters, nothing written', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const citizen = await signedIn(browser, 'citizen', '13800000004');
  const reviewer = await signedIn(browser, 'reviewer');
  const before = await settledRowCounts();
  const failures: string[] = [];
  for (const sample of fc.sample(body, { numRuns: 150, seed: 42 })) {
    const response =
      sample.kind === 'multipart'
        ? await citizen.post('/api/appeals', { multipart: sample.fields })
        : await citizen.post('/api/appeals', {
            headers: { 'Content-Type': 'application/json' },
            data: sample.kind === 'text' ? sample.body : '',
          });
    if (response.status() >= 500)
      failures.push(`/api/appeals ${response.status()} ${JSON.stringify(sample).slice(0, 200)}`);
  }
  const params = fc.dictionary(
    fc.constantFrom('cursor', 'state', 'deadline', 'overreach', 'sort', 'limit', 'province', 'q', 'x'),
    text.map((value) => value.slice(0, 2_000)),
    { maxKeys: 5 },
  );
  for (const query of fc.sample(params, { numRuns: 150, seed: 43 })) {
    const response = await reviewer.get(`/api/review/queue?${new URLSearchParams(query)}`);
    if (response.status() >= 500) failures.push(`/api/review/queue ${response.status()} ${JSON.stringify(query)}`);
  }
  expect(failures, failures.join('\n')).toEqual([]);
  expect(await businessRowCounts()).toEqual(before);
});
