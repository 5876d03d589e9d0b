// Shared set-up of the integration API tests: province systems with keys, signed requests against the route
// handlers, decided cases with correction orders, and a real webhook receiver on loopback.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getPrisma } from '@/lib/db/client';
import { decideCase } from '@/lib/cases/use-cases/decide-case';
import { startReview } from '@/lib/cases/use-cases/start-review';
import { submitAppeal } from '@/lib/cases/use-cases/submit-appeal';
import { createApiKey } from '@/lib/integration/api-keys';
import { configureProvinceSystem } from '@/lib/integration/province-systems';
import { sign, unixSeconds } from '@/lib/integration/signature';
import { rawClient, resetCaseData } from '@/test/support/db';
import { createUser, validFiling, type TestUser } from '@/test/support/fixtures';

export const REASONS = '经核查，申诉人提供的考勤记录与行程卡显示其当日不在风险区域，原赋码依据不足。';

/** Units of the provinces the tests use (from the seeded divisions). */
export const UNIT: Record<string, string> = { '34': '340100', '41': '410100' };

export interface ProvinceKey {
  provinceCode: string;
  keyId: string;
  secret: string;
  webhookSecret: string | null;
}

/** Empties the integration tables and the case data (reference data stays). */
export async function resetIntegrationData(): Promise<void> {
  // TRUNCATE is the owner's: the app's runtime role may only delete rows.
  const owner = await rawClient();
  try {
    await owner.query(
      'TRUNCATE api_request_nonce, api_key, province_system, webhook_delivery, code_assignment CASCADE',
    );
  } finally {
    await owner.end();
  }
  await resetCaseData();
}

export async function createAdmin(): Promise<TestUser> {
  return createUser('ADMIN');
}

export async function setUpProvince(
  provinceCode: string,
  options: { webhookUrl?: string | null; rateLimitPerMinute?: number; admin?: TestUser } = {},
): Promise<ProvinceKey> {
  const admin = options.admin ?? (await createAdmin());
  const system = await configureProvinceSystem(admin, {
    provinceCode,
    name: `省级健康码系统 ${provinceCode}`,
    webhookUrl: options.webhookUrl ?? null,
  });
  const key = await createApiKey(admin, {
    provinceCode,
    name: 'test key',
    rateLimitPerMinute: options.rateLimitPerMinute ?? 10_000,
  });
  return { provinceCode, keyId: key.keyId, secret: key.secret, webhookSecret: system.webhookSecret };
}

export interface SignedRequestOptions {
  method?: 'GET' | 'POST';
  path: string;
  body?: string | Uint8Array;
  key?: { keyId: string; secret: string };
  at?: Date;
  /** Replace or drop (null) individual headers after signing. */
  headers?: Record<string, string | null>;
}

export function signedRequest(options: SignedRequestOptions): Request {
  const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
  const body = options.body ?? '';
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.key) {
    const timestamp = unixSeconds(options.at ?? new Date());
    headers['x-key-id'] = options.key.keyId;
    headers['x-timestamp'] = timestamp;
    headers['x-signature'] = sign(options.key.secret, { timestamp, method, path: options.path, body });
  }
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === null) delete headers[name.toLowerCase()];
    else headers[name.toLowerCase()] = value;
  }
  const payload = typeof body === 'string' ? body : new Uint8Array(body);
  return new Request(`http://localhost${options.path}`, {
    method,
    headers,
    body: method === 'GET' ? undefined : payload,
  });
}

export async function readJson(response: Response): Promise<{ status: number; body: Record<string, unknown> }> {
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export interface DecidedCase {
  caseId: string;
  reference: string;
  orderId: string;
}

/** A red-code appeal against a unit of `provinceCode`, revoked by its reviewer: one CORRECTION_ORDER in the outbox. */
export async function decidedCaseWithOrder(
  provinceCode = '34',
  outcome: 'REVOKED' | 'DOWNGRADED' = 'REVOKED',
): Promise<DecidedCase> {
  const prisma = getPrisma();
  let reviewer = await prisma.user.findFirst({ where: { role: 'REVIEWER', provinceCode, active: true } });
  if (!reviewer) {
    await createUser('REVIEWER', { provinceCode, unitCode: `${provinceCode}0200` });
    reviewer = await prisma.user.findFirstOrThrow({ where: { role: 'REVIEWER', provinceCode } });
  }
  const actor = { id: reviewer.id, role: reviewer.role, provinceCode: reviewer.provinceCode };
  const citizen = await createUser('CITIZEN');
  const { case: filed } = await submitAppeal(
    citizen,
    validFiling({ issuingProvinceCode: provinceCode, issuingUnitCode: UNIT[provinceCode] }),
  );
  const { case: started } = await startReview(actor, { caseId: filed.id, expectedVersion: filed.version });
  await decideCase(actor, {
    caseId: started.id,
    expectedVersion: started.version,
    outcome,
    ruleCode: 'SPATIOTEMPORAL_COMPANION',
    reasons: REASONS,
  });
  const order = await prisma.outboxEvent.findFirstOrThrow({ where: { caseId: filed.id, kind: 'CORRECTION_ORDER' } });
  // The case's status-change events (assigned, in review, decided) are taken as delivered already, so each test
  // follows exactly the outbox events it creates itself.
  await prisma.outboxEvent.updateMany({
    where: { caseId: filed.id, kind: 'STATUS_CHANGED' },
    data: { status: 'SENT', deliveredAt: new Date() },
  });
  return { caseId: filed.id, reference: filed.reference, orderId: order.id };
}

/** A code assignment the API accepts (a red code for close contact from Hefei, 340100); tests change single fields. */
export const VALID_ASSIGNMENT = {
  recordId: 'AH-1',
  personPseudonym: 'p_9f3c2a71d4e8b605',
  colour: 'RED',
  reasonCode: 'CLOSE_CONTACT',
  assignedAt: '2026-11-20T08:00:00+08:00',
  issuingUnitCode: '340100',
};

export interface ReceivedWebhook {
  eventId: string;
  eventType: string;
  timestamp: string;
  signature: string;
  path: string;
  body: string;
}

/**
 * A real HTTP receiver on 127.0.0.1. `respond` decides each answer (status code); every request is recorded, and
 * `inFlight` tracks concurrent deliveries of one event id.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  respond: (webhook: ReceivedWebhook, index: number) => number | Promise<number> = () => 200;
  readonly maxConcurrentPerEvent = new Map<string, number>();
  private readonly inFlight = new Map<string, number>();
  private server: Server | null = null;
  port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks/health-code?via=test`;
  }

  async start(): Promise<void> {
    const server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Closes the port: deliveries now fail with a connection error until start() is called again. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const webhook: ReceivedWebhook = {
      eventId: String(request.headers['x-event-id'] ?? ''),
      eventType: String(request.headers['x-event-type'] ?? ''),
      timestamp: String(request.headers['x-timestamp'] ?? ''),
      signature: String(request.headers['x-signature'] ?? ''),
      path: request.url ?? '',
      body: Buffer.concat(chunks).toString('utf8'),
    };
    const index = this.received.push(webhook) - 1;
    const now = (this.inFlight.get(webhook.eventId) ?? 0) + 1;
    this.inFlight.set(webhook.eventId, now);
    this.maxConcurrentPerEvent.set(
      webhook.eventId,
      Math.max(now, this.maxConcurrentPerEvent.get(webhook.eventId) ?? 0),
    );
    try {
      response.statusCode = await this.respond(webhook, index);
      response.end('ok');
    } finally {
      this.inFlight.set(webhook.eventId, (this.inFlight.get(webhook.eventId) ?? 1) - 1);
    }
  }
}
