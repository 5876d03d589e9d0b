// Web hardening (SPEC §10): security headers and a nonce-based Content-Security-Policy on every page that the app
// itself never violates, no caching of pages with personal data, secure session cookies, POST-only state changes,
// and error pages that say nothing about the server.
import { expect, test } from '@playwright/test';
import { STORAGE_STATE } from '../helpers/sign-in';

test('pages carry a nonce CSP without unsafe-inline scripts, and the other security headers', async ({ request }) => {
  const response = await request.get('/sign-in');
  const headers = response.headers();
  const csp = headers['content-security-policy'] ?? '';
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
  expect(csp).toMatch(/style-src 'self' 'nonce-[^']+'(;|$)/);
  // Only style attributes may be inline (React's computed sizes); never scripts, never eval.
  expect(csp.replace("style-src-attr 'unsafe-inline'", '')).not.toContain('unsafe');
  for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"])
    expect(csp).toContain(directive);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['referrer-policy']).toBe('same-origin');
  expect(headers['permissions-policy']).toContain('camera=()');
  expect(headers['x-powered-by']).toBeUndefined();
  // Every script of the page carries this response's nonce; a second response gets a different one.
  const html = await response.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  const again = /'nonce-([^']+)'/.exec((await request.get('/sign-in')).headers()['content-security-policy'] ?? '')?.[1];
  expect(again).not.toBe(nonce);
});

test.describe('the app breaks none of its own CSP', () => {
  test.use({ storageState: STORAGE_STATE.admin });

  test('no CSP violation while pages load, hydrate and work', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content.Security.Policy|Refused to/i.test(message.text()))
        violations.push(`${page.url()}: ${message.text()} at ${JSON.stringify(message.location())}`);
    });
    for (const path of [
      '/',
      '/admin',
      '/admin/staff',
      '/admin/staff/new',
      '/admin/calendar/2026',
      '/account',
      '/transparency',
      '/status',
    ]) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      expect(violations, `CSP violations after loading ${path}`).toEqual([]);
    }
    // Client-side behaviour works under the policy: the units of a province load when it is chosen.
    await page.goto('/admin/staff/new');
    await page.getByLabel('所属省份').selectOption('34');
    await expect(page.getByLabel('所属市县单位').locator('option[value="340100"]')).toHaveCount(1);
    expect(violations).toEqual([]);
  });
});

test.describe('personal data and sessions', () => {
  test.use({ storageState: STORAGE_STATE.citizen });

  test('pages with personal data are never cached; the session cookie is HttpOnly and SameSite', async ({
    page,
    context,
  }) => {
    for (const path of ['/my-cases', '/account']) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      expect(response?.headers()['cache-control']).toContain('no-store');
    }
    const session = (await context.cookies()).find((cookie) => cookie.name.endsWith('next-auth.session-token'));
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  });
});

test('state changes only by POST: a GET to an export or to sign-out changes nothing', async ({ browser }) => {
  const context = await browser.newContext({ storageState: STORAGE_STATE.nationalSupervisor });
  const exportGet = await context.request.get('/supervise/export/overdue', { maxRedirects: 0 });
  expect(exportGet.status()).toBe(405);
  // next-auth's GET /api/auth/signout only shows a confirmation; the session still works afterwards.
  await context.request.get('/api/auth/signout', { maxRedirects: 0 });
  const still = await context.request.get('/supervise', { maxRedirects: 0 });
  expect(still.status()).toBe(200);
  await context.close();
});

test('error pages say nothing about the server', async ({ request }) => {
  // Signed out, an administration page only sends to the sign-in page; an administrator gets a plain 404 for a bad id.
  expect((await request.get('/admin/staff/not-an-account', { maxRedirects: 0 })).status()).toBe(307);
  const missing = await request.get('/no-such-page');
  expect(missing.status()).toBe(404);
  const body = await missing.text();
  expect(body).toContain('找不到该页面');
  expect(body).not.toMatch(/at \w+ \(|node_modules|\/work\//);
  const api = await request.post('/api/v1/code-assignments', { data: '{not json' });
  expect(await api.text()).not.toMatch(/node_modules|\/work\/|at \w+ \(/);
});
