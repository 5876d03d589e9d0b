// Cookie-authenticated JSON endpoints (POST /api/appeals) accept only what a page of this app can send: a JSON body
// (`text/plain` and form encodings are what a cross-site form can post without a preflight) from this app's own
// origin. Everything else is refused before the session is read.

function allowedOrigins(request: Request): Set<string> {
  const origins = new Set<string>([new URL(request.url).origin]);
  const host = request.headers.get('host');
  if (host) {
    origins.add(`http://${host}`);
    origins.add(`https://${host}`);
  }
  if (process.env.NEXTAUTH_URL) {
    try {
      origins.add(new URL(process.env.NEXTAUTH_URL).origin);
    } catch {
      // A malformed NEXTAUTH_URL adds nothing.
    }
  }
  return origins;
}

/** A refusal for a request that is not a same-origin JSON POST, or null when it is one. */
export function refuseUnlessSameOriginJson(request: Request): Response | null {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    return Response.json(
      { error: { code: 'UNSUPPORTED_MEDIA_TYPE', messageKey: 'errors.validation' } },
      { status: 415, headers: { 'Cache-Control': 'no-store' } },
    );
  }
  const origin = request.headers.get('origin');
  if (!origin || !allowedOrigins(request).has(origin)) {
    return Response.json(
      { error: { code: 'CROSS_ORIGIN', messageKey: 'errors.forbiddenAction' } },
      { status: 403, headers: { 'Cache-Control': 'no-store' } },
    );
  }
  return null;
}
