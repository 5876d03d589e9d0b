// The journey of scripts/deploy-check.sh: two web instances of one production install (ports DEPLOY_CHECK_PORT_A and
// _B) share one database and one evidence store. A load balancer started here (the one public address the browser
// uses) sends each request to the instance the test chooses and appends the peer to X-Forwarded-For, connecting from
// 127.0.0.2, the instances' TRUSTED_PROXIES. A citizen signs in through A, files an appeal with evidence whose form
// A rendered through B (the server action, its encrypted arguments and the session cross over), and reads the
// evidence back through A. Then, without the balancer: wrong staff passwords from an untrusted peer are limited
// across both instances however X-Forwarded-For changes, and a trusted proxy's X-Forwarded-For is honoured.
import http from 'node:http';
import { expect, test } from '@playwright/test';
import { fillWizard, pngFile } from '../../e2e/citizen/citizen-helpers';
import pg from 'pg';
import { signInAsCitizen } from '../../e2e/helpers/sign-in';

const A = Number(process.env.DEPLOY_CHECK_PORT_A ?? 3215);
const B = Number(process.env.DEPLOY_CHECK_PORT_B ?? 3216);
const BALANCER = Number(process.env.DEPLOY_CHECK_LB_PORT ?? 3205);
/** RATE_LIMIT_STAFF_FAILURES_PER_IP_15MIN of the instances (deploy-check.sh). */
const STAFF_FAILURE_LIMIT = Number(process.env.RATE_LIMIT_STAFF_FAILURES_PER_IP_15MIN ?? 4);
const TRUSTED_PROXY = '127.0.0.2';
const UNTRUSTED_PEER = '127.0.0.3';

let target = A;
const served = new Map<number, number>();
const balancer = http.createServer((request, response) => {
  const port = target;
  served.set(port, (served.get(port) ?? 0) + 1);
  const forwarded = [request.headers['x-forwarded-for'], request.socket.remoteAddress].filter(Boolean).join(', ');
  const upstream = http.request(
    {
      host: '127.0.0.1',
      port,
      localAddress: TRUSTED_PROXY,
      method: request.method,
      path: request.url,
      headers: { ...request.headers, 'x-forwarded-for': forwarded, 'x-forwarded-proto': 'http' },
    },
    (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    },
  );
  upstream.on('error', () => response.writeHead(502).end());
  request.pipe(upstream);
});

test.describe.configure({ mode: 'serial' });
test.beforeAll(() => new Promise<void>((resolve) => balancer.listen(BALANCER, '127.0.0.1', resolve)));
test.afterAll(() => new Promise<void>((resolve) => balancer.close(() => resolve())));

test('sign in on one instance, file with evidence on the other, read it back on the first', async ({ page }) => {
  const mobile = '13800000003';
  target = A;
  await signInAsCitizen(page, mobile);
  await expect(page).toHaveURL('/my-cases');
  await fillWizard(page, { files: [await pngFile('跨实例.png')] });

  // The form was rendered by A; its server action goes to B.
  target = B;
  const servedByB = served.get(B) ?? 0;
  await page.getByTestId('submit-appeal').click();
  await expect(page).toHaveURL(/\/my-cases\/[0-9a-f-]{36}\/confirmation$/);
  expect(served.get(B) ?? 0).toBeGreaterThan(servedByB);
  const caseId = /\/my-cases\/([0-9a-f-]{36})\//.exec(page.url())![1]!;
  const database = new pg.Client({ connectionString: process.env.DEPLOY_CHECK_DATABASE_URL });
  await database.connect();
  const {
    rows: [evidence],
  } = await database
    .query<{ id: string; file_name: string }>('SELECT id, file_name FROM evidence WHERE case_id = $1', [caseId])
    .finally(() => database.end());
  expect(evidence?.file_name).toBe('跨实例.png');

  // A serves the file B stored, to the session A created.
  target = A;
  const servedByA = served.get(A) ?? 0;
  const download = await page.request.get(`/evidence/${evidence!.id}`);
  expect(download.status()).toBe(200);
  expect(download.headers()['content-type']).toBe('image/png');
  expect((await download.body()).subarray(1, 4).toString()).toBe('PNG');
  await page.goto(`/my-cases/${caseId}`);
  await expect(page.getByText('跨实例.png').first()).toBeVisible();
  expect(served.get(A) ?? 0).toBeGreaterThan(servedByA);
});

/** A wrong staff password posted straight to an instance from `localAddress`; the sign-in error code it got. */
async function wrongStaffPassword(port: number, localAddress: string, forwardedFor: string): Promise<string> {
  const call = (method: string, path: string, body?: string, cookie?: string) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }>((resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port,
          localAddress,
          method,
          path,
          headers: {
            'x-forwarded-for': forwardedFor,
            ...(cookie ? { cookie } : {}),
            ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
          },
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text }));
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  const csrf = await call('GET', '/api/auth/csrf');
  const cookie = (csrf.headers['set-cookie'] ?? []).map((line) => line.split(';')[0]).join('; ');
  const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string };
  const body = new URLSearchParams({
    csrfToken,
    username: `nobody-${Math.random().toString(36).slice(2, 10)}`,
    password: 'Wrong-password-1',
    json: 'true',
  }).toString();
  const answer = await call('POST', '/api/auth/callback/staff-password', body, cookie);
  const url = answer.headers.location ?? (JSON.parse(answer.text) as { url: string }).url;
  return new URL(url, 'http://x').searchParams.get('error')?.split(':')[0] ?? `no error (${answer.status})`;
}

test('per-IP limits: shared by both instances, not reset by X-Forwarded-For from an untrusted peer', async () => {
  const answers: string[] = [];
  for (let attempt = 0; attempt < STAFF_FAILURE_LIMIT; attempt += 1) {
    answers.push(await wrongStaffPassword(attempt % 2 === 0 ? A : B, UNTRUSTED_PEER, `198.51.100.${attempt + 10}`));
  }
  expect(answers).toEqual(Array(STAFF_FAILURE_LIMIT).fill('credentials'));
  // Limited on both instances, with a header naming yet another address.
  expect(await wrongStaffPassword(A, UNTRUSTED_PEER, '203.0.113.200')).toBe('rate_limited');
  expect(await wrongStaffPassword(B, UNTRUSTED_PEER, '203.0.113.201')).toBe('rate_limited');

  // Through a trusted proxy the forwarded client counts: another client is not limited, the limited one still is.
  expect(await wrongStaffPassword(A, TRUSTED_PROXY, '203.0.113.7')).toBe('credentials');
  expect(await wrongStaffPassword(B, TRUSTED_PROXY, `6.6.6.6, ${UNTRUSTED_PEER}`)).toBe('rate_limited');
});
