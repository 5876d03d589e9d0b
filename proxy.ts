// Runs before every page request: a fresh CSP nonce per response (lib/security/content-security-policy.ts), passed to
// Next.js in the request's CSP header so its scripts carry it, and pages that may show personal data never cached.
import { NextResponse, type NextRequest } from 'next/server';
import { SERVER_ACTION_BODY_LIMIT_BYTES, SERVER_ACTION_BODY_LIMIT_MB } from '@/lib/security/body-limit.mjs';
import { buildContentSecurityPolicy, createNonce } from '@/lib/security/content-security-policy';
import { isWellFormedServerActionBody } from '@/lib/security/server-action-body';

/** Routes that set their own, stricter headers (evidence downloads: `sandbox` CSP, no-store): left untouched. */
const OWN_HEADER_ROUTES = /^\/evidence\//;

function plainAnswer(status: number, text: string): NextResponse {
  return new NextResponse(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  if (OWN_HEADER_ROUTES.test(request.nextUrl.pathname)) return NextResponse.next();
  // A server-action body over the limit: a clear 413 instead of Next.js failing on it with a bare 500.
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (request.method === 'POST' && declared > SERVER_ACTION_BODY_LIMIT_BYTES) {
    return plainAnswer(
      413,
      `请求内容过大：上限为 ${SERVER_ACTION_BODY_LIMIT_MB} MB。/ The request is too large: the limit is ${SERVER_ACTION_BODY_LIMIT_MB} MB.`,
    );
  }
  // A server-action call whose body no browser of ours would send: a clear 400 instead of Next.js's decoder failing.
  if (
    request.method === 'POST' &&
    request.headers.has('next-action') &&
    !(await isWellFormedServerActionBody(request))
  ) {
    return plainAnswer(
      400,
      '请求格式不正确，请刷新页面后重试。/ The request is malformed: reload the page and try again.',
    );
  }
  const nonce = createNonce();
  const policy = buildContentSecurityPolicy({
    nonce,
    development: process.env.NODE_ENV === 'development',
    https: (process.env.NEXTAUTH_URL ?? '').startsWith('https://'),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  // Every page is rendered per request for its signed-in user; nothing may be kept by browsers or shared caches.
  response.headers.set('Cache-Control', 'private, no-store, max-age=0');
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: API routes and evidence downloads set their own headers; static files need no nonce.
      source: '/((?!api/|evidence/|_next/static|_next/image|favicon.ico|robots.txt).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
