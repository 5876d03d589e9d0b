// Outbound webhooks (SPEC §9, §14): claims due outbox events with FOR UPDATE SKIP LOCKED and a lease, POSTs each
// to its province's webhook URL signed with the province's webhook secret, and records every attempt in
// webhook_delivery. 2xx → SENT (a correction order also sets Case.correctionSentAt and audits CORRECTION_ORDERED);
// anything else → retried with capped exponential back-off and jitter, forever: at least once, never lost.
// A worker that dies mid-delivery only delays the event until its lease runs out. Events of provinces without a
// webhook stay pending.
import 'server-only';
import { appendAuditEvent } from '@/lib/audit/append';
import { afterCommit, prisma, Prisma, sqlRows } from '@/lib/db/client';
import type { OutboxKind } from '@/lib/db/generated/enums';
import { backoffDelayMs, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import { findLatestCorrectionOrder } from './correction-orders';
import { targetColourOf } from './outbox-payloads';
import { openSecret } from './secrets';
import { sign, unixSeconds } from './signature';
import { buildWebhookBody, type OutboxEventForDelivery } from './webhook-payload';
import { scopedLogger } from '@/lib/security/logger';

export interface DeliveryOptions {
  /** The cycle's clock: events due at `now` are claimed and retries scheduled from it (tests move it forward). */
  now?: Date;
  limit?: number;
  /** How long a claim lasts; a crashed worker's events become claimable again after it. */
  leaseMs?: number;
  timeoutMs?: number;
  backoff?: Partial<BackoffOptions>;
  random?: () => number;
  /** Only this event of this province (an administrator's replay), when it is due. */
  only?: { provinceCode: string; eventId: string };
  /** The provinces with a webhook as the caller last read them (deliverSoon); read now when not given. */
  provinces?: readonly string[];
}

export interface ClaimedEvent extends OutboxEventForDelivery {
  attempts: number;
  /** The lease; it also fences the result: only the holder of this exact lease may record the outcome. */
  lockedUntil: Date;
}

export interface DeliveryCycleResult {
  claimed: number;
  delivered: number;
  failed: number;
}

const DEFAULT_LIMIT = 20;
const DEFAULT_LEASE_MS = 60_000;
const DEFAULT_TIMEOUT_MS = 10_000;

/** The provinces whose system has a webhook (URL and secret), or just `onlyProvince` if it has one. */
async function webhookProvinces(onlyProvince: string | null): Promise<string[]> {
  const rows = await sqlRows<{ code: string }>(
    prisma,
    Prisma.sql`
    SELECT province_code::text AS code FROM province_system
     WHERE webhook_url IS NOT NULL AND webhook_secret_cipher IS NOT NULL
       AND (${onlyProvince}::text IS NULL OR province_code = ${onlyProvince}::text)
     ORDER BY 1`,
  );
  return rows.map((row) => row.code);
}

/**
 * Claims up to `limit` due events of provinces with a configured webhook; each claim is committed at once. A province
 * whose webhook was removed after `provinces` was read gets its events back untouched (runDeliveryCycle).
 */
export async function claimOutboxEvents(
  options: Pick<DeliveryOptions, 'now' | 'limit' | 'leaseMs' | 'only' | 'provinces'> = {},
): Promise<ClaimedEvent[]> {
  const now = options.now ?? new Date();
  const onlyProvince = options.only?.provinceCode ?? null;
  const onlyEvent = options.only?.eventId ?? null;
  const leaseUntil = new Date(now.getTime() + (options.leaseMs ?? DEFAULT_LEASE_MS));
  type Row = {
    id: string;
    province_code: string;
    kind: OutboxKind;
    case_id: string | null;
    payload: unknown;
    created_at: Date;
    attempts: number;
    locked_until: Date;
  };
  const limit = options.limit ?? DEFAULT_LIMIT;
  // Province by province (each claim on one shard on Citus, docs/scaling.md), only where a webhook is configured.
  const provinces = options.provinces ?? (await webhookProvinces(onlyProvince));
  const rows: Row[] = [];
  for (const code of provinces) {
    if (rows.length >= limit) break;
    rows.push(
      ...(await prisma.$queryRaw<Row[]>`
        WITH due AS (
          SELECT o.id
            FROM outbox_event o
           WHERE o.province_code = ${code} AND o.status = 'PENDING'
             AND o.next_attempt_at <= ${now.toISOString()}::timestamptz
             AND (o.locked_until IS NULL OR o.locked_until <= ${now.toISOString()}::timestamptz)
             AND (${onlyEvent}::uuid IS NULL OR o.id = ${onlyEvent}::uuid)
           ORDER BY o.next_attempt_at, o.created_at
           LIMIT ${limit - rows.length}
             FOR UPDATE OF o SKIP LOCKED
        )
        UPDATE outbox_event o SET locked_until = ${leaseUntil.toISOString()}::timestamptz
          FROM due WHERE o.province_code = ${code} AND o.id = due.id
        RETURNING o.id, o.province_code, o.kind::text AS kind, o.case_id, o.payload, o.created_at, o.attempts, o.locked_until`),
    );
  }
  return rows.map((row) => ({
    id: row.id,
    provinceCode: row.province_code,
    kind: row.kind,
    caseId: row.case_id,
    payload: row.payload,
    createdAt: row.created_at,
    attempts: row.attempts,
    lockedUntil: row.locked_until,
  }));
}

export interface AttemptOutcome {
  attemptedAt: Date;
  durationMs: number;
  httpStatus: number | null;
  error: string | null;
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  if (!(error instanceof Error)) return 'request failed';
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  const detail =
    typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : error.message;
  return `${error.name}: ${detail}`.slice(0, 500);
}

/** One signed POST to a webhook (also the administrators' test delivery); never throws, the outcome says what happened. */
export async function postSignedWebhook(
  url: URL,
  secret: string,
  event: { id: string; kind: string },
  body: string,
  timeoutMs: number,
  attemptedAt: Date,
): Promise<AttemptOutcome> {
  // The receiver checks the timestamp against its own clock: sign with the real time, whatever the cycle's clock says.
  const timestamp = unixSeconds(new Date());
  const headers = {
    'Content-Type': 'application/json; charset=utf-8',
    'X-Event-Id': event.id,
    'X-Event-Type': event.kind,
    'X-Timestamp': timestamp,
    'X-Signature': sign(secret, { timestamp, method: 'POST', path: `${url.pathname}${url.search}`, body }),
  };
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    const ok = response.status >= 200 && response.status < 300;
    return {
      attemptedAt,
      durationMs: Math.round(performance.now() - started),
      httpStatus: response.status,
      error: ok ? null : `HTTP ${response.status}`,
    };
  } catch (error) {
    return {
      attemptedAt,
      durationMs: Math.round(performance.now() - started),
      httpStatus: null,
      error: describeFetchError(error, timeoutMs),
    };
  }
}

async function recordSuccess(event: ClaimedEvent, outcome: AttemptOutcome): Promise<void> {
  const deliveredAt = new Date(outcome.attemptedAt.getTime() + outcome.durationMs);
  await prisma.$transaction(async (tx) => {
    await tx.webhookDelivery.create({
      data: {
        outboxEventId: event.id,
        provinceCode: event.provinceCode,
        attempt: event.attempts + 1,
        ...outcome,
        delivered: true,
      },
    });
    const marked = await tx.outboxEvent.updateMany({
      where: { provinceCode: event.provinceCode, id: event.id, status: 'PENDING', lockedUntil: event.lockedUntil },
      data: { status: 'SENT', deliveredAt, attempts: { increment: 1 }, lockedUntil: null, lastError: null },
    });
    // Lease lost (another worker took over, or a confirmation already marked it): that path records the outcome.
    if (marked.count !== 1 || event.kind !== 'CORRECTION_ORDER' || !event.caseId) return;
    // Found by id: the case may be held by another province than the one the order is addressed to.
    const appealCase = await tx.case.findFirst({
      where: { id: event.caseId },
      select: { id: true, reference: true, provinceCode: true },
    });
    if (!appealCase) return;
    const latest = await findLatestCorrectionOrder(tx, appealCase.id);
    if (latest?.id === event.id) {
      await tx.case.update({
        where: { provinceCode_id: { provinceCode: appealCase.provinceCode, id: appealCase.id } },
        data: { correctionSentAt: deliveredAt, correctionConfirmedAt: null },
      });
    }
    await appendAuditEvent(tx, {
      chain: appealCase.provinceCode,
      actorId: null,
      actorRole: 'SYSTEM',
      caseId: appealCase.id,
      action: 'CORRECTION_ORDERED',
      after: {
        reference: appealCase.reference,
        orderId: event.id,
        toColour: targetColourOf(event),
        attempts: event.attempts + 1,
      },
      occurredAt: deliveredAt,
    });
  });
}

async function recordFailure(
  event: ClaimedEvent,
  outcome: AttemptOutcome,
  backoff: BackoffOptions,
  random: () => number,
): Promise<void> {
  const attempts = event.attempts + 1;
  const nextAttemptAt = new Date(
    outcome.attemptedAt.getTime() + outcome.durationMs + backoffDelayMs(attempts, backoff, random),
  );
  await prisma.$transaction([
    prisma.webhookDelivery.create({
      data: {
        outboxEventId: event.id,
        provinceCode: event.provinceCode,
        attempt: attempts,
        ...outcome,
        delivered: false,
      },
    }),
    prisma.outboxEvent.updateMany({
      where: { provinceCode: event.provinceCode, id: event.id, status: 'PENDING', lockedUntil: event.lockedUntil },
      data: { attempts: { increment: 1 }, nextAttemptAt, lockedUntil: null, lastError: outcome.error },
    }),
  ]);
}

/** One pass: claim due events, deliver them in parallel, record every attempt. Safe on any number of workers at once. */
export async function runDeliveryCycle(options: DeliveryOptions = {}): Promise<DeliveryCycleResult> {
  const now = options.now ?? new Date();
  const startedAt = performance.now();
  const clock = () => new Date(now.getTime() + Math.round(performance.now() - startedAt));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
  const random = options.random ?? Math.random;

  const events = await claimOutboxEvents({ ...options, now });
  const result: DeliveryCycleResult = { claimed: events.length, delivered: 0, failed: 0 };
  if (events.length === 0) return result;
  const systems = await prisma.provinceSystem.findMany({
    where: { provinceCode: { in: [...new Set(events.map((event) => event.provinceCode))] } },
    select: { provinceCode: true, webhookUrl: true, webhookSecretCipher: true },
  });
  const byProvince = new Map(systems.map((system) => [system.provinceCode, system]));

  const settled = await Promise.allSettled(
    events.map(async (event) => {
      const system = byProvince.get(event.provinceCode);
      if (!system?.webhookUrl || !system.webhookSecretCipher) {
        // The webhook was removed after the claim: give the event back untouched.
        await prisma.outboxEvent.updateMany({
          where: { provinceCode: event.provinceCode, id: event.id, lockedUntil: event.lockedUntil },
          data: { lockedUntil: null },
        });
        return;
      }
      const body = await buildWebhookBody(prisma, event);
      const outcome = await postSignedWebhook(
        new URL(system.webhookUrl),
        openSecret(system.webhookSecretCipher),
        event,
        body,
        timeoutMs,
        clock(),
      );
      if (outcome.error === null) {
        await recordSuccess(event, outcome);
        result.delivered += 1;
      } else {
        await recordFailure(event, outcome, backoff, random);
        result.failed += 1;
      }
    }),
  );
  // An unexpected error leaves its event leased: it is retried once the lease runs out.
  const failure = settled.find((outcome) => outcome.status === 'rejected');
  if (failure) throw failure.reason;
  return result;
}

/** How long deliverSoon trusts the provinces with a webhook it last read; the worker reads them on every cycle. */
const SOON_PROVINCES_TTL_MS = 30_000;
let soonProvinces: { codes: string[]; readAt: number } | null = null;

/** Makes deliverSoon read the provinces with a webhook again: called when this process changes a province's system. */
export function forgetWebhookProvinces(): void {
  soonProvinces = null;
}

/**
 * One cycle as deliverSoon runs it: in the provinces it last read as having a webhook, read again after
 * SOON_PROVINCES_TTL_MS (with none, a cycle sends no statement at all). A webhook configured through another instance
 * meanwhile is served by the worker, which reads them every cycle; null when there was nothing to claim in.
 */
export async function runSoonCycle(at = performance.now()): Promise<DeliveryCycleResult | null> {
  if (!soonProvinces || at - soonProvinces.readAt >= SOON_PROVINCES_TTL_MS)
    soonProvinces = { codes: await webhookProvinces(null), readAt: at };
  if (soonProvinces.codes.length === 0) return null;
  return runDeliveryCycle({ limit: 10, provinces: soonProvinces.codes });
}

/** The transactions that already start a delivery cycle once they commit (one each, however many events they write). */
const cycleAfterCommit = new WeakSet<object>();

/**
 * A delivery cycle (deliverSoon) once the transaction `tx`, which writes outbox events, has committed. The worker
 * delivers whatever this misses, and what a write outside `prisma.$transaction` leaves. Not in tests, which run
 * their cycles themselves.
 */
export function deliverAfterCommit(tx: object): void {
  if (process.env.NODE_ENV === 'test' || cycleAfterCommit.has(tx)) return;
  if (afterCommit(tx, async () => deliverSoon())) cycleAfterCommit.add(tx);
}

let cycleRunning = false;
let cycleWanted = false;

/**
 * For the app, after a commit that wrote outbox events: a delivery cycle in the background. Commits that come while
 * one runs share the next cycle rather than each starting their own; failures wait for the worker.
 */
export function deliverSoon(): void {
  cycleWanted = true;
  if (cycleRunning) return;
  cycleRunning = true;
  void (async () => {
    try {
      while (cycleWanted) {
        cycleWanted = false;
        await runSoonCycle();
      }
    } catch (error) {
      scopedLogger('webhooks').error({ err: error }, 'delivery cycle failed');
    } finally {
      cycleRunning = false;
    }
  })();
}
