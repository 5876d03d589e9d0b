// Scheduled jobs (SPEC §18): each job runs once per schedule slot across every scheduler instance. A slot is the
// interval's window that `now` falls in; an instance claims it with one conditional UPDATE of the job's row (two
// instances racing on the same slot: PostgreSQL re-checks the condition after the first commits, so only one wins).
// The row records when the job last ran, on which instance, how long it took, its result or error.
import 'server-only';
import { hostname } from 'node:os';
import { assertAdmin } from '@/lib/admin/require-admin';
import type { Actor } from '@/lib/auth/actor';
import { prisma, Prisma } from '@/lib/db/client';
import { scopedLogger } from '@/lib/security/logger';

export interface JobDefinition {
  name: string;
  /** How often: the job runs once in every window of this length (aligned to the Unix epoch, UTC). */
  intervalMs: number;
  run(now: Date): Promise<Record<string, unknown>>;
}

export type JobOutcome =
  | { ran: false }
  | { ran: true; ok: true; result: Record<string, unknown>; durationMs: number }
  | { ran: true; ok: false; error: string; durationMs: number };

export function slotOf(now: Date, intervalMs: number): Date {
  return new Date(Math.floor(now.getTime() / intervalMs) * intervalMs);
}

const INSTANCE = `${hostname()}:${process.pid}`;

/** Runs the job if its current slot has not been claimed yet (by this or any other instance). */
export async function runJobOnce(job: JobDefinition, now = new Date(), instance = INSTANCE): Promise<JobOutcome> {
  const slot = slotOf(now, job.intervalMs);
  await prisma.$executeRaw`INSERT INTO job_run (name) VALUES (${job.name}) ON CONFLICT (name) DO NOTHING`;
  const claimed = await prisma.$executeRaw`
    UPDATE job_run SET last_slot = ${slot}, last_started_at = ${new Date()}, last_status = 'RUNNING', last_instance = ${instance}
     WHERE name = ${job.name} AND (last_slot IS NULL OR last_slot < ${slot})`;
  if (claimed === 0) return { ran: false };

  const started = performance.now();
  try {
    const result = await job.run(now);
    const durationMs = Math.round(performance.now() - started);
    await prisma.$executeRaw`
      UPDATE job_run SET last_status = 'OK', last_finished_at = ${new Date()}, last_succeeded_at = ${new Date()},
             last_duration_ms = ${durationMs}, last_result = ${JSON.stringify(result)}::jsonb, last_error = NULL,
             runs = runs + 1
       WHERE name = ${job.name} AND last_slot = ${slot}`;
    return { ran: true, ok: true, result, durationMs };
  } catch (error) {
    const durationMs = Math.round(performance.now() - started);
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
    scopedLogger('scheduler').error({ err: error, job: job.name }, 'job failed');
    await prisma.$executeRaw`
      UPDATE job_run SET last_status = 'FAILED', last_finished_at = ${new Date()}, last_duration_ms = ${durationMs},
             last_error = ${message}, runs = runs + 1, failures = failures + 1
       WHERE name = ${job.name} AND last_slot = ${slot}`;
    return { ran: true, ok: false, error: message, durationMs };
  }
}

export interface JobStatus {
  name: string;
  lastStartedAt: Date | null;
  lastFinishedAt: Date | null;
  lastSucceededAt: Date | null;
  lastStatus: 'RUNNING' | 'OK' | 'FAILED' | null;
  lastDurationMs: number | null;
  lastResult: Prisma.JsonValue | null;
  lastError: string | null;
  lastInstance: string | null;
  runs: number;
  failures: number;
}

/** Every scheduled job's last run, for administrators (anyone else: not found). */
export async function listJobStatuses(actor: Actor): Promise<JobStatus[]> {
  assertAdmin(actor);
  return prisma.jobRun.findMany({
    orderBy: { name: 'asc' },
    select: {
      name: true,
      lastStartedAt: true,
      lastFinishedAt: true,
      lastSucceededAt: true,
      lastStatus: true,
      lastDurationMs: true,
      lastResult: true,
      lastError: true,
      lastInstance: true,
      runs: true,
      failures: true,
    },
  });
}
