// The integration status of every province on one page (SPEC §18): whether its system is connected, the last request
// it made to us, the last delivery to it, failures, and correction orders it has not confirmed. One single-province
// statement per province (the tables are distributed by province_code), run in parallel.
import 'server-only';
import { prisma } from '@/lib/db/client';
import type { Actor } from '@/lib/auth/actor';
import { listProvinces } from '@/lib/reference/divisions';
import { CONFIRMATION_DEADLINE_MS } from './effectuation';
import { requireAdministrator } from './province-systems';

/** How far back "recent failures" look. */
export const FAILURE_WINDOW_MS = 24 * 3600 * 1000;

export interface ProvinceIntegrationStatus {
  provinceCode: string;
  provinceName: string;
  /** The configured system's name; null when the province is not connected. */
  systemName: string | null;
  webhookUrl: string | null;
  liveKeys: number;
  /** The last signed request of any of its keys (recorded to the minute). */
  lastInboundAt: Date | null;
  lastDeliveryAt: Date | null;
  lastDeliveryOk: boolean | null;
  /** Failed attempts within FAILURE_WINDOW_MS. */
  recentFailures: number;
  /** Events still waiting after at least one failed attempt. */
  failingEvents: number;
  unconfirmedCorrections: number;
  /** Of those, ordered more than CONFIRMATION_DEADLINE_MS ago. */
  lateCorrections: number;
}

interface StatusRow {
  last_inbound_at: Date | null;
  live_keys: number;
  last_delivery_at: Date | null;
  last_delivery_ok: boolean | null;
  recent_failures: number;
  failing_events: number;
  unconfirmed: number;
  late: number;
}

async function statusOf(provinceCode: string, now: Date): Promise<StatusRow> {
  const failureCutoff = new Date(now.getTime() - FAILURE_WINDOW_MS).toISOString();
  const lateCutoff = new Date(now.getTime() - CONFIRMATION_DEADLINE_MS).toISOString();
  const nowText = now.toISOString();
  const [row] = await prisma.$queryRaw<StatusRow[]>`
    SELECT
      (SELECT max(k.last_used_at) FROM api_key k WHERE k.province_code = ${provinceCode}) AS last_inbound_at,
      (SELECT count(*)::int FROM api_key k
        WHERE k.province_code = ${provinceCode} AND k.revoked_at IS NULL
          AND (k.expires_at IS NULL OR k.expires_at > ${nowText}::timestamptz)) AS live_keys,
      d.attempted_at AS last_delivery_at,
      d.delivered AS last_delivery_ok,
      (SELECT count(*)::int FROM webhook_delivery w
        WHERE w.province_code = ${provinceCode} AND NOT w.delivered
          AND w.attempted_at >= ${failureCutoff}::timestamptz) AS recent_failures,
      (SELECT count(*)::int FROM outbox_event o
        WHERE o.province_code = ${provinceCode} AND o.status = 'PENDING' AND o.attempts > 0) AS failing_events,
      (SELECT count(*)::int FROM outbox_event o
        WHERE o.province_code = ${provinceCode} AND o.kind = 'CORRECTION_ORDER' AND o.confirmed_at IS NULL) AS unconfirmed,
      (SELECT count(*)::int FROM outbox_event o
        WHERE o.province_code = ${provinceCode} AND o.kind = 'CORRECTION_ORDER' AND o.confirmed_at IS NULL
          AND o.created_at < ${lateCutoff}::timestamptz) AS late
    FROM (SELECT 1) AS one
    LEFT JOIN LATERAL (
      SELECT w.attempted_at, w.delivered FROM webhook_delivery w
       WHERE w.province_code = ${provinceCode}
       ORDER BY w.attempted_at DESC LIMIT 1
    ) d ON true`;
  return row!;
}

export async function listIntegrationStatus(actor: Actor, now = new Date()): Promise<ProvinceIntegrationStatus[]> {
  requireAdministrator(actor, 'VIEW_INTEGRATION_STATUS');
  const [provinces, systems] = await Promise.all([
    listProvinces(),
    prisma.provinceSystem.findMany({ select: { provinceCode: true, name: true, webhookUrl: true } }),
  ]);
  const systemOf = new Map(systems.map((system) => [system.provinceCode, system]));
  return Promise.all(
    provinces.map(async (province) => {
      const row = await statusOf(province.code, now);
      const system = systemOf.get(province.code);
      return {
        provinceCode: province.code,
        provinceName: province.name,
        systemName: system?.name ?? null,
        webhookUrl: system?.webhookUrl ?? null,
        liveKeys: row.live_keys,
        lastInboundAt: row.last_inbound_at,
        lastDeliveryAt: row.last_delivery_at,
        lastDeliveryOk: row.last_delivery_ok,
        recentFailures: row.recent_failures,
        failingEvents: row.failing_events,
        unconfirmedCorrections: row.unconfirmed,
        lateCorrections: row.late,
      };
    }),
  );
}
