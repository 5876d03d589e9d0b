// The one wrapper of every signed API v1 route handler: check the signature headers, read the body (at most 256 kB),
// authenticate, count the rate limit, parse path parameters and JSON body with the route's zod schemas, run the use
// case, and answer JSON. Every refusal is a 4xx `{ error: { code, message, details? } }`; anything unexpected is a
// generic 500 and a log line without request data.
import 'server-only';
import type { z } from 'zod';
import { authenticateRequest, checkSignatureHeaders, signatureHeadersOf, type ApiClient } from './authenticate';
import { isAppError } from '@/lib/core/errors';
import { apiError, errorBody, notFound, validationFailed } from './errors';
import { consumeApiRateLimit } from './rate-limit';
import type { ApiRoute } from './routes';
import { findNulCharacter } from '@/lib/security/nul-characters';
import { scopedLogger } from '@/lib/security/logger';
import { measureRequest } from '@/lib/ops/metrics';

export const MAX_BODY_BYTES = 256 * 1024;

export interface ApiResult {
  status: number;
  body: unknown;
}

type Parsed<Schema> = Schema extends z.ZodType ? z.output<Schema> : undefined;

export interface ApiCall<Route extends ApiRoute> {
  client: ApiClient;
  params: Parsed<Route['params']>;
  body: Parsed<Route['body']>;
  now: Date;
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  });
}

const tooLarge = () => apiError(413, 'PAYLOAD_TOO_LARGE', { values: { kilobytes: MAX_BODY_BYTES / 1024 } });

async function readBody(request: Request): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function clip(text: string): string {
  return text.length > 100 ? `${text.slice(0, 100)}…` : text;
}

/** Field path → first problem; unknown keys are named (clipped), and the client's values are never echoed. */
function detailsOf(error: z.ZodError): Record<string, string> {
  const details = new Map<string, string>();
  const add = (path: readonly PropertyKey[], message: string) => {
    const field = clip(path.length > 0 ? path.map(String).join('.') : '_body');
    if (!details.has(field)) details.set(field, message);
  };
  for (const issue of error.issues.slice(0, 50)) {
    if (issue.code === 'unrecognized_keys')
      for (const key of issue.keys.slice(0, 20)) add([...issue.path, key], 'Unknown field.');
    else add(issue.path, issue.message);
  }
  return Object.fromEntries(details);
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw apiError(400, 'INVALID_JSON');
  }
}

export function handleApiRequest<Route extends ApiRoute>(
  request: Request,
  route: Route,
  rawParams: Record<string, string | string[] | undefined> | undefined,
  run: (call: ApiCall<Route>) => Promise<ApiResult>,
): Promise<Response> {
  return measureRequest(route.path, request.method, () => answerApiRequest(request, route, rawParams, run));
}

async function answerApiRequest<Route extends ApiRoute>(
  request: Request,
  route: Route,
  rawParams: Record<string, string | string[] | undefined> | undefined,
  run: (call: ApiCall<Route>) => Promise<ApiResult>,
): Promise<Response> {
  try {
    const now = new Date();
    const checked = checkSignatureHeaders(signatureHeadersOf(request), now);
    const bytes = await readBody(request);
    const url = new URL(request.url);
    const client = await authenticateRequest(
      checked,
      { method: request.method, path: `${url.pathname}${url.search}`, body: bytes },
      now,
    );
    await consumeApiRateLimit(client, now);

    let params: unknown;
    if (route.params) {
      const parsed = route.params.safeParse(rawParams ?? {});
      if (!parsed.success) throw notFound();
      params = parsed.data;
    }
    let body: unknown;
    if (route.body) {
      const json = parseJson(bytes);
      const nul = findNulCharacter(json);
      if (nul !== null) throw validationFailed({ [clip(nul)]: 'Text may not contain U+0000.' });
      const parsed = route.body.safeParse(json);
      if (!parsed.success) throw validationFailed(detailsOf(parsed.error));
      body = parsed.data;
    }
    const result = await run({ client, params, body, now } as ApiCall<Route>);
    return jsonResponse(result.status, result.body);
  } catch (error) {
    if (isAppError(error)) return jsonResponse(error.status, errorBody(error), error.headers);
    scopedLogger('api').error({ err: error, operationId: route.operationId }, 'request failed');
    return jsonResponse(500, errorBody(apiError(500, 'INTERNAL_ERROR')));
  }
}
