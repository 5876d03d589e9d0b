// The authorisation matrix against the running app (SPEC §10): every page, route handler and server action of
// test/authorization/matrix.ts, requested as each principal (citizens A/B, reviewers and supervisors of provinces X/Y,
// the national supervisor, the administrator, anonymous) with real ids from the end-to-end database. Each answer must
// be the one the matrix gives; a refused write must leave the rows it aimed at, and the caller's audit trail, unchanged.
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { expect, request as playwrightRequest, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import {
  ACTIONS,
  PAGES,
  PRINCIPALS,
  ROUTES,
  type Fixture,
  type Outcome,
  type Principal,
} from '../../test/authorization/matrix';
import { routePathOf } from '../../test/authorization/app-entry-points';
import { queryRows } from '../helpers/database';
import { STORAGE_STATE } from '../helpers/sign-in';

const require = createRequire(import.meta.url);
const { encodeReply } = require('next/dist/compiled/react-server-dom-webpack/client.node.js') as {
  encodeReply: (args: unknown[]) => Promise<string | FormData>;
};

const STATE: Record<Principal, string | undefined> = {
  anonymous: undefined,
  citizenA: STORAGE_STATE.citizen,
  citizenB: STORAGE_STATE.citizenB,
  reviewerX: STORAGE_STATE.reviewer,
  reviewerY: STORAGE_STATE.reviewerY,
  supervisorX: STORAGE_STATE.supervisor,
  supervisorY: STORAGE_STATE.supervisorY,
  supervisorNational: STORAGE_STATE.nationalSupervisor,
  admin: STORAGE_STATE.admin,
};

const ACCOUNT: Record<Principal, { column: 'username' | 'mobile'; value: string } | null> = {
  anonymous: null,
  citizenA: { column: 'mobile', value: '13800000001' },
  citizenB: { column: 'mobile', value: '13800000003' },
  reviewerX: { column: 'username', value: 'reviewer-ah-1' },
  reviewerY: { column: 'username', value: 'reviewer-ha-1' },
  supervisorX: { column: 'username', value: 'supervisor-ah' },
  supervisorY: { column: 'username', value: 'supervisor-ha' },
  supervisorNational: { column: 'username', value: 'supervisor-national' },
  admin: { column: 'username', value: 'admin' },
};

interface FixtureValue {
  id: string;
  reference?: string;
}

const CITIZEN_A_CASES_IN_X = `FROM appeal_case c JOIN app_user u ON u.id = c.citizen_id WHERE u.mobile = '13800000001' AND c.province_code = '34'`;

async function caseFixture(where: string): Promise<FixtureValue | null> {
  const [row] = await queryRows<{ id: string; reference: string }>(
    `SELECT c.id, c.reference ${where} ORDER BY c.filed_at ASC LIMIT 1`,
  );
  return row ? { id: row.id, reference: row.reference } : null;
}

/**
 * An evidence file of citizen A's case in X: an existing one, or one put in place the way a filing stores it (the file in
 * the private store under .data/evidence, its row pointing at it) when the demo data has none.
 */
async function evidenceFixture(caseId: string | undefined): Promise<FixtureValue | null> {
  const [existing] = await queryRows<{
    id: string;
  }>(`SELECT e.id FROM evidence e JOIN appeal_case c ON c.id = e.case_id JOIN app_user u ON u.id = c.citizen_id
     WHERE u.mobile = '13800000001' AND c.province_code = '34' AND e.erased_at IS NULL ORDER BY e.created_at LIMIT 1`);
  if (existing) return existing;
  if (!caseId) return null;
  const bytes = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
  const key = `34/${randomUUID()}.pdf`;
  mkdirSync(path.resolve('.data/evidence/34'), { recursive: true });
  writeFileSync(path.resolve('.data/evidence', key), bytes, { mode: 0o600 });
  const [row] = await queryRows<{ id: string }>(
    `INSERT INTO evidence (id, case_id, province_code, kind, file_name, mime_type, size_bytes, sha256, storage_key)
     VALUES (gen_random_uuid(), $1, '34', 'FILING', 'matrix-probe.pdf', 'application/pdf', $2, $3, $4) RETURNING id`,
    [caseId, bytes.byteLength, createHash('sha256').update(bytes).digest('hex'), key],
  );
  return row ?? null;
}

async function loadFixtures(): Promise<Record<Fixture, FixtureValue | null>> {
  const caseX = await caseFixture(CITIZEN_A_CASES_IN_X);
  const evidence = await evidenceFixture(caseX?.id);
  const [reviewer] = await queryRows<{ id: string }>(`SELECT id FROM app_user WHERE username = 'reviewer-ah-1'`);
  const [incident] = await queryRows<{ id: string }>(
    `SELECT id FROM mass_incident WHERE province_code = '41' ORDER BY detected_at LIMIT 1`,
  );
  return {
    caseX,
    caseXDecided: await caseFixture(
      `${CITIZEN_A_CASES_IN_X} AND EXISTS (SELECT 1 FROM decision d WHERE d.case_id = c.id)`,
    ),
    caseXOpen: await caseFixture(
      `${CITIZEN_A_CASES_IN_X} AND c.state IN ('SUBMITTED', 'ASSIGNED', 'IN_REVIEW', 'AWAITING_CITIZEN')`,
    ),
    caseXSecondReview: await caseFixture(
      `FROM appeal_case c WHERE c.province_code = '34' AND c.state IN ('SECOND_REVIEW_REQUESTED', 'IN_SECOND_REVIEW')`,
    ),
    evidenceX: evidence,
    reviewerXUser: reviewer ? { id: reviewer.id } : null,
    provinceX: { id: '34' },
    year: { id: '2026' },
    catalogueVersion: { id: '1' },
    exportTable: { id: 'overdue' },
    provinceY: { id: '41' },
    incidentY: incident ?? null,
  };
}

let fixtures: Record<Fixture, FixtureValue | null>;
const userIds = new Map<Principal, string | null>();
const contexts = new Map<Principal, APIRequestContext>();

test.beforeAll(async ({ baseURL }) => {
  fixtures = await loadFixtures();
  for (const principal of PRINCIPALS) {
    const account = ACCOUNT[principal];
    const [row] = account
      ? await queryRows<{ id: string }>(`SELECT id FROM app_user WHERE ${account.column} = $1`, [account.value])
      : [];
    userIds.set(principal, row?.id ?? null);
    contexts.set(
      principal,
      await playwrightRequest.newContext({
        baseURL,
        storageState: STATE[principal],
        extraHTTPHeaders: { 'Accept-Language': 'zh-CN' },
      }),
    );
  }
});

test.afterAll(async () => {
  for (const context of contexts.values()) await context.dispose();
});

function contextOf(principal: Principal): APIRequestContext {
  const context = contexts.get(principal);
  if (!context) throw new Error(`no request context for ${principal}`);
  return context;
}

/** The route path with its dynamic segments filled from the fixtures; null when a fixture is missing from the data. */
function concretePath(routePath: string, params: Record<string, Fixture> | undefined): string | null {
  let missing = false;
  const filled = routePath.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_match, name: string) => {
    const value = params?.[name] ? fixtures[params[name]] : null;
    if (!value) missing = true;
    return encodeURIComponent(name === 'reference' ? (value?.reference ?? value?.id ?? '') : (value?.id ?? ''));
  });
  return missing ? null : filled;
}

function classify(response: APIResponse): Outcome | `status ${number}` {
  const status = response.status();
  if (status >= 300 && status < 400) {
    const location = new URL(response.headers().location ?? '/', 'http://localhost');
    return location.pathname === '/sign-in' ? 'signIn' : 'redirect';
  }
  if (status >= 200 && status < 300) return 'allow';
  // Past the authorisation, refused by validation or the state of the record (the probes send nothing valid).
  if (status === 400 || status === 409 || status === 422) return 'allow';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  if (status === 503) return 'unavailable';
  return `status ${status}`;
}

/**
 * What a refused write must not change: the rows the fixtures name (cases, their decisions, requests and audit events;
 * reviewer X's account; province X's deadline policies, system and API keys) and the caller's own audit trail (every write is audited with
 * its actor). Nothing global: specs in the other worker change other rows meanwhile.
 */
async function snapshot(principal: Principal): Promise<string> {
  const caseIds = (['caseX', 'caseXDecided', 'caseXOpen', 'caseXSecondReview'] as const)
    .map((name) => fixtures[name]?.id)
    .filter((id): id is string => Boolean(id));
  const userId = userIds.get(principal) ?? null;
  const [row] = await queryRows<Record<string, unknown>>(
    `SELECT
       (SELECT md5(string_agg(row_to_json(c)::text, '|' ORDER BY c.id)) FROM appeal_case c WHERE c.id = ANY($1::uuid[])) AS cases,
       (SELECT count(*) FROM decision WHERE case_id = ANY($1::uuid[])) AS decisions,
       (SELECT count(*) FROM information_request WHERE case_id = ANY($1::uuid[])) AS requests,
       (SELECT count(*) FROM evidence WHERE case_id = ANY($1::uuid[])) AS evidence,
       (SELECT count(*) FROM audit_event WHERE case_id = ANY($1::uuid[])) AS case_events,
       -- Events of the caller on any case (its own administration, which other specs run in parallel as the same
       -- accounts, has no case and is compared by the rows below).
       (SELECT count(*) FROM audit_event WHERE actor_id = $2::uuid AND case_id IS NOT NULL) AS caller_events,
       (SELECT concat_ws(',', role, active, province_code, unit_code, capacity, password_hash, must_change_password, totp_enabled_at)
          FROM app_user WHERE id = $3::uuid) AS reviewer_x,
       (SELECT count(*) FROM deadline_policy WHERE province_code = '34') AS policies_x,
       (SELECT md5(concat_ws(',', name, webhook_url, webhook_secret_cipher)) FROM province_system WHERE province_code = '34') AS system_x,
       (SELECT string_agg(concat_ws(',', key_id, expires_at, revoked_at), '|' ORDER BY key_id) FROM api_key WHERE province_code = '34') AS keys_x`,
    [caseIds, userId, fixtures.reviewerXUser?.id ?? null],
  );
  return JSON.stringify(row);
}

for (const [file, entry] of Object.entries(PAGES)) {
  test(`page ${entry.path} (${file})`, async () => {
    const url = concretePath(entry.path, entry.params);
    test.skip(url === null, `the demo data has no ${Object.values(entry.params ?? {}).join('/')} fixture`);
    const answers: string[] = [];
    for (const principal of PRINCIPALS) {
      const response = await contextOf(principal).get(url!, { maxRedirects: 0 });
      const outcome = classify(response);
      answers.push(`${principal}: ${outcome}`);
      if (outcome === 'allow' && entry.personalData) {
        expect(response.headers()['cache-control'], `${url} as ${principal} must not be cached`).toContain('no-store');
      }
    }
    expect(answers).toEqual(PRINCIPALS.map((principal) => `${principal}: ${entry.expect[principal]}`));
  });
}

for (const [file, entry] of Object.entries(ROUTES)) {
  for (const [method, spec] of Object.entries(entry.methods)) {
    test(`route ${method} ${entry.path} (${file})`, async ({ baseURL }) => {
      const url = spec.requestPath ?? concretePath(entry.path, entry.params);
      test.skip(url === null, `the demo data has no ${Object.values(entry.params ?? {}).join('/')} fixture`);
      const answers: string[] = [];
      for (const principal of PRINCIPALS) {
        const before = spec.writes ? await snapshot(principal) : null;
        const response = await contextOf(principal).fetch(url!, {
          method,
          maxRedirects: 0,
          headers: method === 'GET' ? {} : { Origin: baseURL ?? '', 'Content-Type': 'application/json' },
          data: method === 'GET' ? undefined : '{}',
        });
        const outcome = classify(response);
        answers.push(`${principal}: ${outcome}`);
        if (before !== null && outcome !== 'allow')
          expect(await snapshot(principal), `${method} ${url} as ${principal} changed data`).toBe(before);
      }
      expect(answers).toEqual(PRINCIPALS.map((principal) => `${principal}: ${spec.expect[principal]}`));
    });
  }
}

// ───────────────────────────── server actions, invoked the way the browser does (Next-Action header, React's encoding)

interface ManifestEntry {
  workers: Record<string, unknown>;
  filename?: string;
  exportedName?: string;
}

function actionIds(): Map<string, { id: string; pagePath: string }> {
  const manifest = JSON.parse(readFileSync(path.resolve('.next/server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, ManifestEntry>;
  };
  const ids = new Map<string, { id: string; pagePath: string }>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (!entry.filename || !entry.exportedName) continue;
    const pages = Object.keys(entry.workers)
      .filter((worker) => worker.endsWith('/page') && !worker.includes('_not-found'))
      .map((worker) => routePathOf(`${worker}.tsx`));
    // A page without dynamic segments where possible; its own rendering does not matter, only that it bundles the action.
    const pagePath = pages.find((candidate) => !candidate.includes('[')) ?? pages[0] ?? '/';
    ids.set(`${entry.filename}#${entry.exportedName}`, { id, pagePath });
  }
  return ids;
}

/** How the exported function takes its arguments: a plain input, a FormData, (previous state, FormData) or nothing. */
function argumentStyle(key: string): 'object' | 'formData' | 'stateAndFormData' | 'none' {
  const [file, name] = key.split('#') as [string, string];
  const source = readFileSync(path.resolve(file), 'utf8');
  const signature = new RegExp(`export\\s+async\\s+function\\s+${name}\\s*\\(([^)]*)\\)`).exec(source)?.[1] ?? '';
  if (signature.trim() === '') return 'none';
  if (/FormData/.test(signature)) return signature.includes(',') ? 'stateAndFormData' : 'formData';
  return 'object';
}

function argumentsFor(
  style: ReturnType<typeof argumentStyle>,
  input: unknown[] | undefined,
  invalid: boolean,
): unknown[] {
  if (style === 'none') return [];
  if (style === 'object') return input ?? [invalid ? { notAField: true } : {}];
  const form = new FormData();
  const fields = (input?.[0] ?? {}) as Record<string, unknown>;
  for (const [name, value] of Object.entries(fields)) form.set(name, String(value));
  return style === 'formData' ? [form] : [null, form];
}

function parseResult(row: string | undefined): { ok?: boolean; status?: number } | null {
  try {
    return row ? (JSON.parse(row) as { ok?: boolean; status?: number }) : null;
  } catch {
    return null;
  }
}

async function invokeAction(
  principal: Principal,
  baseURL: string,
  target: { id: string; pagePath: string },
  args: unknown[],
) {
  const pagePath = target.pagePath.replace(/\[(?:\.\.\.)?\w+\]/g, () => encodeURIComponent(fixtures.caseX?.id ?? '0'));
  const encoded = await encodeReply(args);
  const headers = { 'Next-Action': target.id, Accept: 'text/x-component', Origin: baseURL };
  const response =
    typeof encoded === 'string'
      ? await contextOf(principal).post(pagePath, {
          headers: { ...headers, 'Content-Type': 'text/plain;charset=UTF-8' },
          data: encoded,
          maxRedirects: 0,
        })
      : await contextOf(principal).post(pagePath, {
          headers,
          multipart: Object.fromEntries([...encoded.entries()].map(([name, value]) => [name, String(value)])),
          maxRedirects: 0,
        });
  const body = await response.text();
  // The flight response: row 0 points at the row holding the action's return value (`"a":"$@1"`).
  const rows = new Map(
    body
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1)]),
  );
  const pointer = /"a":"\$@(\w+)"/.exec(rows.get('0') ?? '')?.[1];
  return { httpStatus: response.status(), result: parseResult(pointer ? rows.get(pointer) : undefined), body };
}

function actionOutcome(answer: Awaited<ReturnType<typeof invokeAction>>): Outcome | string {
  if (answer.httpStatus !== 200 || !answer.result) return `HTTP ${answer.httpStatus} ${answer.body.slice(0, 120)}`;
  if (answer.result.ok) return 'allow';
  if (answer.result.status === 404) return 'notFound';
  if (answer.result.status === 401) return 'unauthorized';
  if ([400, 409, 422, 429].includes(answer.result.status ?? 0)) return 'allow';
  return `result ${answer.result.status}`;
}

test.describe('server actions', () => {
  let ids: Map<string, { id: string; pagePath: string }>;
  test.beforeAll(() => {
    ids = actionIds();
  });

  for (const [key, entry] of Object.entries(ACTIONS)) {
    test(`action ${key}`, async ({ baseURL }) => {
      const target = ids.get(key);
      expect(target, `${key} is not in the build's server-reference manifest (is it used by any page?)`).toBeTruthy();
      const style = argumentStyle(key);
      const input = entry.input?.(
        Object.fromEntries(Object.entries(fixtures).map(([name, value]) => [name, value?.id ?? ''])) as Record<
          Fixture,
          string
        >,
      );
      const answers: string[] = [];
      const expected: string[] = [];
      for (const principal of PRINCIPALS) {
        const wanted = entry.expect[principal];
        // Allowed callers are only probed with input their schema refuses, so nothing shared changes; some are not probed.
        if (
          wanted === 'allow' &&
          (entry.allowedProbe === 'skip' ||
            (entry.allowedProbe === undefined && style !== 'object' && style !== 'none'))
        )
          continue;
        if (wanted === 'allow' && style === 'none' && entry.allowedProbe !== 'invalid-input') continue;
        const args = wanted === 'allow' ? argumentsFor(style, undefined, true) : argumentsFor(style, input, false);
        const before = entry.writes && wanted !== 'allow' ? await snapshot(principal) : null;
        const answer = await invokeAction(principal, baseURL ?? '', target!, args);
        answers.push(`${principal}: ${actionOutcome(answer)}`);
        expected.push(`${principal}: ${wanted}`);
        if (before !== null) expect(await snapshot(principal), `${key} as ${principal} changed data`).toBe(before);
      }
      expect(answers).toEqual(expected);
    });
  }
});
