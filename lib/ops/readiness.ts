// Liveness and readiness (SPEC §18). Ready means: the database answers, every migration in prisma/migrations is
// applied, the sweep succeeded within its allowed age (READY_SWEEP_MAX_AGE_SECONDS, default 180: three missed
// minutes), and the calendar covers the next 60 days.
import 'server-only';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { prisma } from '@/lib/db/client';
import { checkCalendarCoverage } from '@/lib/reference/calendar-coverage';

export interface ReadinessCheck {
  ok: boolean;
  detail: string;
}

export interface Readiness {
  ready: boolean;
  checks: { database: ReadinessCheck; migrations: ReadinessCheck; sweep: ReadinessCheck; calendar: ReadinessCheck };
}

export function sweepMaxAgeMs(value = process.env.READY_SWEEP_MAX_AGE_SECONDS): number {
  const seconds = Number(value ?? 180);
  return (Number.isFinite(seconds) && seconds > 0 ? seconds : 180) * 1000;
}

/** The migrations this build carries (prisma/migrations/<name>/migration.sql, as lib/db/migrate.ts applies them). */
function migrationNames(): string[] {
  const dir = path.join(process.cwd(), 'prisma', 'migrations');
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort();
}

async function checkMigrations(): Promise<ReadinessCheck> {
  const expected = migrationNames();
  const rows = await prisma.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  const applied = new Set(rows.map((row) => row.migration_name));
  const pending = expected.filter((name) => !applied.has(name));
  return pending.length === 0
    ? { ok: true, detail: `${expected.length} applied` }
    : { ok: false, detail: `not applied: ${pending.join(', ')}` };
}

/** When the sweep last succeeded (null: never). */
export async function lastSweepAt(): Promise<Date | null> {
  const row = await prisma.jobRun.findUnique({ where: { name: 'sweep' }, select: { lastSucceededAt: true } });
  return row?.lastSucceededAt ?? null;
}

async function checkSweep(now: Date): Promise<ReadinessCheck> {
  const last = await lastSweepAt();
  if (!last) return { ok: false, detail: 'the sweep has never run (is the scheduler running?)' };
  const ageSeconds = Math.round((now.getTime() - last.getTime()) / 1000);
  return ageSeconds * 1000 <= sweepMaxAgeMs()
    ? { ok: true, detail: `last succeeded ${ageSeconds} s ago` }
    : { ok: false, detail: `last succeeded ${ageSeconds} s ago (is the scheduler running?)` };
}

const failed = (error: unknown): ReadinessCheck => ({
  ok: false,
  detail: error instanceof Error ? error.message.split('\n')[0]!.slice(0, 200) : 'failed',
});

export async function checkReadiness(now = new Date()): Promise<Readiness> {
  const database = await prisma.$queryRaw`SELECT 1`.then(
    (): ReadinessCheck => ({ ok: true, detail: 'reachable' }),
    failed,
  );
  if (!database.ok) {
    const skipped = { ok: false, detail: 'database unreachable' };
    return { ready: false, checks: { database, migrations: skipped, sweep: skipped, calendar: skipped } };
  }
  const [migrations, sweep, calendar] = await Promise.all([
    checkMigrations().catch(failed),
    checkSweep(now).catch(failed),
    checkCalendarCoverage(now).then(
      (coverage): ReadinessCheck =>
        coverage.ok ? { ok: true, detail: 'covers the next 60 days' } : { ok: false, detail: coverage.message },
      failed,
    ),
  ]);
  const checks = { database, migrations, sweep, calendar };
  return { ready: Object.values(checks).every((check) => check.ok), checks };
}
