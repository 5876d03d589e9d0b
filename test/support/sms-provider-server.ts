// A local stand-in for Alibaba Cloud SMS and Tencent Cloud SMS, listening on loopback, that checks each request's
// signature the way the provider documents it — ACS3-HMAC-SHA256 (Alibaba, https://help.aliyun.com/zh/sdk/product-overview/v3-request-structure-and-signature)
// and TC3-HMAC-SHA256 (Tencent, https://cloud.tencent.com/document/api/382/52072) — computed here from the raw request,
// independently of the SDKs. It answers like the provider: a bad signature with the provider's error, otherwise the
// business code chosen per number (OK by default), after an optional delay (a slow provider).
import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type SmsProviderKind = 'alibaba' | 'tencent';

export interface RecordedSmsRequest {
  provider: SmsProviderKind;
  /** null when the signature was valid; otherwise why it was refused. */
  signatureProblem: string | null;
  /** The mainland number, without +86. */
  phone: string;
  signName: string;
  template: string;
  /** Alibaba: the JSON object of TemplateParam; Tencent: TemplateParamSet in order. */
  params: Record<string, string> | string[];
  reference: string | null;
  receivedAt: Date;
}

export interface SmsProviderServer {
  readonly port: number;
  /** host:port, the value to configure as the endpoint (Tencent's needs a name starting with sms.: see tencentAgent). */
  readonly endpoint: string;
  readonly requests: RecordedSmsRequest[];
  /** Business answer per number: Alibaba's Code (OK, isv.…) or Tencent's SendStatus Code (Ok, LimitExceeded.…). */
  answers: Map<string, string>;
  delayMs: number;
  close(): Promise<void>;
}

const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

function sameHex(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

/** RFC 3986 percent-encoding as ACS3 prescribes (encodeURIComponent plus ! ' ( ) *). */
function acsEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function header(request: IncomingMessage, name: string): string {
  const value = request.headers[name];
  return (Array.isArray(value) ? value.join(',') : (value ?? '')).trim();
}

const ACS_REQUIRED_SIGNED = [
  'host',
  'x-acs-action',
  'x-acs-content-sha256',
  'x-acs-date',
  'x-acs-signature-nonce',
  'x-acs-version',
];
const ACS_MAX_SKEW_MS = 15 * 60 * 1000;

/** Checks an ACS3-HMAC-SHA256 request; returns null when it is valid, else the reason. */
function verifyAcs3(
  request: IncomingMessage,
  body: Buffer,
  credentials: Map<string, string>,
  nonces: Set<string>,
): string | null {
  const match = /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})$/.exec(
    header(request, 'authorization'),
  );
  if (!match) return 'Authorization is not ACS3-HMAC-SHA256';
  const [, accessKeyId, signedHeaderList, signature] = match as unknown as [string, string, string, string];
  const secret = credentials.get(accessKeyId);
  if (!secret) return 'InvalidAccessKeyId.NotFound';
  const signedHeaders = signedHeaderList.split(';');
  if ([...signedHeaders].sort().join(';') !== signedHeaderList) return 'SignedHeaders not sorted';
  const unsignedAcs = Object.keys(request.headers).filter(
    (name) => name.startsWith('x-acs-') && !signedHeaders.includes(name),
  );
  if (unsignedAcs.length > 0) return `unsigned x-acs- headers: ${unsignedAcs.join(',')}`;
  for (const required of ACS_REQUIRED_SIGNED) if (!signedHeaders.includes(required)) return `${required} not signed`;
  const bodyHash = sha256Hex(body);
  if (header(request, 'x-acs-content-sha256') !== bodyHash) return 'x-acs-content-sha256 does not match the body';
  const date = Date.parse(header(request, 'x-acs-date'));
  if (!Number.isFinite(date) || Math.abs(Date.now() - date) > ACS_MAX_SKEW_MS) return 'InvalidTimeStamp.Expired';
  const nonce = header(request, 'x-acs-signature-nonce');
  if (nonces.has(nonce)) return 'SignatureNonceUsed';

  const url = new URL(request.url ?? '/', 'http://placeholder');
  const query = [...url.searchParams.entries()]
    .map(([key, value]) => [acsEncode(key), acsEncode(value)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
  const canonicalHeaders = signedHeaders.map((name) => `${name}:${header(request, name)}\n`).join('');
  const canonicalRequest = [request.method, url.pathname, query, canonicalHeaders, signedHeaderList, bodyHash].join(
    '\n',
  );
  const expected = hmac(secret, `ACS3-HMAC-SHA256\n${sha256Hex(canonicalRequest)}`).toString('hex');
  if (!sameHex(expected, signature)) return 'SignatureDoesNotMatch';
  nonces.add(nonce);
  return null;
}

const TC3_MAX_SKEW_SECONDS = 300;

/** Checks a TC3-HMAC-SHA256 request; returns null when it is valid, else the reason. */
function verifyTc3(request: IncomingMessage, body: Buffer, credentials: Map<string, string>): string | null {
  const match =
    /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([a-z0-9]+)\/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(
      header(request, 'authorization'),
    );
  if (!match) return 'AuthFailure.SignatureFailure: Authorization is not TC3-HMAC-SHA256';
  const [, secretId, date, service, signedHeaderList, signature] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const secretKey = credentials.get(secretId);
  if (!secretKey) return 'AuthFailure.SecretIdNotFound';
  if (service !== 'sms') return `AuthFailure.SignatureFailure: service ${service} is not sms`;
  const timestamp = Number(header(request, 'x-tc-timestamp'));
  if (!Number.isInteger(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > TC3_MAX_SKEW_SECONDS) {
    return 'AuthFailure.SignatureExpire';
  }
  if (new Date(timestamp * 1000).toISOString().slice(0, 10) !== date) return 'AuthFailure.SignatureFailure: date';
  const signedHeaders = signedHeaderList.split(';');
  if (!signedHeaders.includes('content-type') || !signedHeaders.includes('host')) {
    return 'AuthFailure.SignatureFailure: content-type and host must be signed';
  }
  // The signed host is the Host header; this server listens on a port of its own, which the SDK leaves out.
  const value = (name: string) =>
    name === 'host' ? header(request, 'host').replace(/:\d+$/, '') : header(request, name);
  const canonicalHeaders = signedHeaders.map((name) => `${name}:${value(name).toLowerCase()}\n`).join('');
  const url = new URL(request.url ?? '/', 'http://placeholder');
  const canonicalRequest = [
    request.method,
    url.pathname,
    url.search.slice(1),
    canonicalHeaders,
    signedHeaderList,
    sha256Hex(body),
  ].join('\n');
  const scope = `${date}/${service}/tc3_request`;
  const stringToSign = `TC3-HMAC-SHA256\n${timestamp}\n${scope}\n${sha256Hex(canonicalRequest)}`;
  const signingKey = hmac(hmac(hmac(`TC3${secretKey}`, date), service), 'tc3_request');
  const expected = hmac(signingKey, stringToSign).toString('hex');
  return sameHex(expected, signature) ? null : 'AuthFailure.SignatureFailure';
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json;charset=utf-8' });
  response.end(JSON.stringify(body));
}

async function handleAlibaba(
  server: SmsProviderServer,
  request: IncomingMessage,
  response: ServerResponse,
  credentials: Map<string, string>,
  nonces: Set<string>,
): Promise<void> {
  const body = await readBody(request);
  const problem = verifyAcs3(request, body, credentials, nonces);
  const query = new URL(request.url ?? '/', 'http://placeholder').searchParams;
  const phone = query.get('PhoneNumbers') ?? '';
  server.requests.push({
    provider: 'alibaba',
    signatureProblem: problem,
    phone,
    signName: query.get('SignName') ?? '',
    template: query.get('TemplateCode') ?? '',
    params: JSON.parse(query.get('TemplateParam') ?? '{}') as Record<string, string>,
    reference: query.get('OutId'),
    receivedAt: new Date(),
  });
  const requestId = randomUUID().toUpperCase();
  if (problem) {
    const code = problem.includes('.') || /^[A-Z]\w+$/.test(problem) ? problem.split(':')[0]! : 'SignatureDoesNotMatch';
    return json(response, 400, { RequestId: requestId, Code: code, Message: problem, HostId: 'dysmsapi.aliyuncs.com' });
  }
  if (header(request, 'x-acs-action') !== 'SendSms' || header(request, 'x-acs-version') !== '2017-05-25') {
    return json(response, 404, { RequestId: requestId, Code: 'InvalidAction.NotFound', Message: 'unknown action' });
  }
  await new Promise((resolve) => setTimeout(resolve, server.delayMs));
  const code = server.answers.get(phone) ?? 'OK';
  json(response, 200, {
    RequestId: requestId,
    Code: code,
    Message: code === 'OK' ? 'OK' : code,
    ...(code === 'OK' ? { BizId: `${Date.now()}^0` } : {}),
  });
}

async function handleTencent(
  server: SmsProviderServer,
  request: IncomingMessage,
  response: ServerResponse,
  credentials: Map<string, string>,
): Promise<void> {
  const body = await readBody(request);
  const problem = verifyTc3(request, body, credentials);
  const payload = JSON.parse(body.toString('utf8') || '{}') as {
    PhoneNumberSet?: string[];
    SignName?: string;
    TemplateId?: string;
    TemplateParamSet?: string[];
    SessionContext?: string;
  };
  const phone = (payload.PhoneNumberSet?.[0] ?? '').replace(/^\+86/, '');
  server.requests.push({
    provider: 'tencent',
    signatureProblem: problem,
    phone,
    signName: payload.SignName ?? '',
    template: payload.TemplateId ?? '',
    params: payload.TemplateParamSet ?? [],
    reference: payload.SessionContext ?? null,
    receivedAt: new Date(),
  });
  const requestId = randomUUID();
  if (problem) {
    return json(response, 200, {
      Response: { Error: { Code: problem.split(':')[0], Message: problem }, RequestId: requestId },
    });
  }
  if (header(request, 'x-tc-action') !== 'SendSms' || header(request, 'x-tc-version') !== '2021-01-11') {
    return json(response, 200, {
      Response: { Error: { Code: 'InvalidAction', Message: 'unknown action' }, RequestId: requestId },
    });
  }
  await new Promise((resolve) => setTimeout(resolve, server.delayMs));
  const code = server.answers.get(phone) ?? 'Ok';
  json(response, 200, {
    Response: {
      SendStatusSet: [
        {
          SerialNo: `2028:${Date.now()}`,
          PhoneNumber: `+86${phone}`,
          Fee: code === 'Ok' ? 1 : 0,
          SessionContext: payload.SessionContext ?? '',
          Code: code,
          Message: code === 'Ok' ? 'send success' : code,
          IsoCode: 'CN',
        },
      ],
      RequestId: requestId,
    },
  });
}

export async function startSmsProviderServer(options: {
  provider: SmsProviderKind;
  /** Access key id → secret (Alibaba) or SecretId → SecretKey (Tencent). */
  credentials: Record<string, string>;
  delayMs?: number;
}): Promise<SmsProviderServer> {
  const credentials = new Map(Object.entries(options.credentials));
  const nonces = new Set<string>();
  const holder: { state?: SmsProviderServer } = {};
  const http = createServer((request, response) => {
    const state = holder.state!;
    const handled =
      options.provider === 'alibaba'
        ? handleAlibaba(state, request, response, credentials, nonces)
        : handleTencent(state, request, response, credentials);
    handled.catch((error: unknown) => json(response, 500, { error: String(error) }));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const port = (http.address() as AddressInfo).port;
  const state: SmsProviderServer = {
    port,
    endpoint: `127.0.0.1:${port}`,
    requests: [],
    answers: new Map(),
    delayMs: options.delayMs ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
  holder.state = state;
  return state;
}
