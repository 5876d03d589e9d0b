// proxy.ts adds the page CSP (with a nonce) and no-store to pages, but leaves the evidence route's own headers alone
// (its `sandbox` CSP and cache headers): an overwritten sandbox would let an uploaded HTML file run as a page.
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { config, proxy } from '@/proxy';

describe('proxy', () => {
  it('sets the page policy on pages', () => {
    const response = proxy(new NextRequest('http://localhost:3000/my-cases'));
    expect(response.headers.get('Content-Security-Policy')).toContain("'nonce-");
    expect(response.headers.get('Cache-Control')).toBe('private, no-store, max-age=0');
  });

  it('sets nothing on evidence downloads, which keep their own sandbox CSP and cache headers', () => {
    const response = proxy(new NextRequest('http://localhost:3000/evidence/0b6c8f3e-2f0e-4d7e-9a51-8d1c2a3b4c5d'));
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
    const response = proxy(
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

  it('lets a body within the limit through', () => {
    const response = proxy(
      new NextRequest('http://localhost:3000/my-cases/new', {
        method: 'POST',
        headers: { 'content-length': String(1024) },
      }),
    );
    expect(response.status).toBe(200);
  });
});
