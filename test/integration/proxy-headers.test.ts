// proxy.ts adds the page CSP (with a nonce) and no-store to pages, but leaves the evidence route's own headers alone
// (its `sandbox` CSP and cache headers): an overwritten sandbox would let an uploaded HTML file run as a page.
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { config, proxy } from '@/proxy';

describe('proxy', () => {
  it('sets the page policy on pages', async () => {
    const response = await proxy(new NextRequest('http://localhost:3000/my-cases'));
    expect(response.headers.get('Content-Security-Policy')).toContain("'nonce-");
    expect(response.headers.get('Cache-Control')).toBe('private, no-store, max-age=0');
  });

  it('sets nothing on evidence downloads, which keep their own sandbox CSP and cache headers', async () => {
    const response = await proxy(
      new NextRequest('http://localhost:3000/evidence/0b6c8f3e-2f0e-4d7e-9a51-8d1c2a3b4c5d'),
    );
    expect(response.headers.get('Content-Security-Policy')).toBeNull();
    expect(response.headers.get('Cache-Control')).toBeNull();
  });

  it('is not even run for evidence downloads or API routes', () => {
    const source = new RegExp(`^${config.matcher[0]!.source}$`);
    expect(source.test('/my-cases')).toBe(true);
    expect(source.test('/evidence/abc')).toBe(false);
    expect(source.test('/api/v1/docs')).toBe(false);
  });
});

describe('proxy and oversized bodies', () => {
  it('answers a server-action body over the limit with 413 and a clear message in both languages', async () => {
    const response = await proxy(
      new NextRequest('http://localhost:3000/my-cases/new', {
        method: 'POST',
        headers: { 'next-action': 'abc', 'content-length': String(28 * 1024 * 1024) },
      }),
    );
    expect(response.status).toBe(413);
    const text = await response.text();
    expect(text).toContain('请求内容过大');
    expect(text).toContain('the limit is 27 MB');
  });

  it('lets a body within the limit through', async () => {
    const response = await proxy(
      new NextRequest('http://localhost:3000/my-cases/new', {
        method: 'POST',
        headers: { 'content-length': String(1024) },
      }),
    );
    expect(response.status).toBe(200);
  });
});

describe('proxy and malformed server-action bodies', () => {
  const call = (body: BodyInit, contentType: string) =>
    proxy(
      new NextRequest('http://localhost:3000/review', {
        method: 'POST',
        // A FormData body brings its own multipart content type (with the boundary).
        headers: { 'next-action': 'abc', ...(contentType ? { 'content-type': contentType } : {}) },
        body,
      }),
    );
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) data.set(name, value);
    return data;
  };

  it.each([
    ['an empty body', '', 'text/plain;charset=UTF-8'],
    ['a body that is not JSON', '[', 'text/plain;charset=UTF-8'],
    ['arguments that are not a list', '{"caseId":"x"}', 'text/plain;charset=UTF-8'],
    ['a reference to a part that is not there', '["$Q1"]', 'text/plain;charset=UTF-8'],
    ['a FormData reference in a text body', '["$K1"]', 'text/plain;charset=UTF-8'],
    ['a promise reference', '[{"a":"$@2"}]', 'text/plain;charset=UTF-8'],
  ])('refuses %s with 400 and a message in both languages', async (_, body, contentType) => {
    const response = await call(body, contentType);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('请求格式不正确');
  });

  it('refuses a multipart body without its argument list, or with one that is not a list', async () => {
    expect((await call(form({ caseId: 'x' }), '')).status).toBe(400);
    expect((await call(form({ 0: '{"a":1}' }), '')).status).toBe(400);
    expect((await call(form({ 0: '["$Q3"]' }), '')).status).toBe(400);
  });

  it('lets through what React sends: plain arguments, escaped dollars, dates, undefined, FormData', async () => {
    const plain = '[{"caseId":"c","note":"$$5 fee","at":"$D2026-12-04T00:00:00.000Z","x":"$undefined"}]';
    expect((await call(plain, 'text/plain;charset=UTF-8')).status).toBe(200);
    expect((await call(form({ 0: '[{"ok":true},"$K1"]', '1_caseId': 'c' }), '')).status).toBe(200);
  });
});
