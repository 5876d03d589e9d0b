// npm run bench:filing-path — what one filing costs the app process, deterministically (docs/benchmarks.md, "Session 6,
// filing path"): a fresh embedded PostgreSQL with the reference data and reviewers in a few provinces, then filings
// through submitAppeal in process, one after another, and the session check of a signed-in citizen. Every statement
// the pg driver sends is counted (BEGIN and COMMIT included: one count is one round trip), and Node's CPU time is
// taken from process.cpuUsage(). `--verbose` prints the statements of one filing and of one session check.
// Beside the app's side it prints PostgreSQL's: its processes' CPU per filing (/proc) and each statement's planning and
// execution time (pg_stat_statements with track_planning).
//   --filings N (default 300, after 50 warm-up filings), --pg-port P (default 5548), --profile FILE (CPU profile of
//   the measured filings)
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { postgresCpuMs, postmasterPidOf } from './machine-cpu';
import { withBenchDatabase } from './bench-database';

const { values: args } = parseArgs({
  options: {
    filings: { type: 'string', default: '300' },
    'pg-port': { type: 'string', default: '5548' },
    verbose: { type: 'boolean', default: false },
    /** Writes a CPU profile (.cpuprofile, for Chrome DevTools) of the measured filings to this file. */
    profile: { type: 'string' },
  },
});

/** Every statement sent through any pg client of this process while `recording` is on. */
const sent: string[] = [];
let recording = false;
const originalQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function countingQuery(this: pg.Client, ...params: unknown[]) {
  if (recording) {
    const first = params[0] as string | { text?: string } | undefined;
    const text = typeof first === 'string' ? first : (first?.text ?? '?');
    sent.push(text.replace(/\s+/g, ' ').trim());
  }
  return (originalQuery as (...a: unknown[]) => unknown).apply(this, params);
} as typeof pg.Client.prototype.query;

/** Units of a few provinces and reasons in rotation: no unit and reason reaches the incident threshold. */
const UNITS = [
  ['34', '340100'],
  ['34', '340200'],
  ['41', '410100'],
  ['41', '410300'],
  ['44', '440100'],
  ['44', '440300'],
  ['32', '320100'],
  ['32', '320500'],
] as const;
const REASONS = ['SPATIOTEMPORAL_COMPANION', 'CLOSE_CONTACT', 'HIGH_RISK_AREA', 'NON_EPIDEMIC'] as const;

interface Measured {
  statements: number;
  cpuMs: number;
  wallMs: number;
}

async function measure(count: number, step: (i: number) => Promise<void>): Promise<Measured> {
  sent.length = 0;
  recording = true;
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < count; i += 1) await step(i);
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  recording = false;
  return { statements: sent.length / count, cpuMs: (used.user + used.system) / 1000 / count, wallMs: wallMs / count };
}

/** The inspector's CPU profiler, in this process. */
async function startProfiler(): Promise<{ stop: (file: string) => Promise<void> }> {
  const inspector = await import('node:inspector/promises');
  const { writeFile } = await import('node:fs/promises');
  const session = new inspector.Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    stop: async (file) => {
      const { profile } = await session.post('Profiler.stop');
      await writeFile(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

async function main(): Promise<void> {
  const name = 'bench-filing-path-pg';
  const postgresFlags = [
    '-c',
    'shared_preload_libraries=pg_stat_statements',
    '-c',
    'pg_stat_statements.track_planning=on',
  ];
  await withBenchDatabase({ name, port: Number(args['pg-port']), postgresFlags }, async (url) => {
    const { getPrisma } = await import('@/lib/db/client');
    const { submitAppeal } = await import('@/lib/cases/use-cases/submit-appeal');
    const { resolveSession } = await import('@/lib/auth/sessions');
    const { createUser, validFiling } = await import('@/test/support/fixtures');
    const prisma = getPrisma();
    for (const [provinceCode, unitCode] of UNITS)
      for (let r = 0; r < 3; r += 1) await createUser('REVIEWER', { provinceCode, unitCode, capacity: 100_000 });
    const citizen = await createUser('CITIZEN');
    const now = new Date();
    const session = await prisma.session.create({
      data: { userId: citizen.id, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + 3600_000) },
    });
    let filed = 0;
    const file = async () => {
      const [issuingProvinceCode, issuingUnitCode] = UNITS[filed % UNITS.length]!;
      const statedReasonCode = REASONS[Math.floor(filed / UNITS.length) % REASONS.length]!;
      filed += 1;
      await submitAppeal(citizen, validFiling({ issuingProvinceCode, issuingUnitCode, statedReasonCode }));
    };
    const checkSession = async () => {
      if (!(await resolveSession(session.id, 'CITIZEN'))) throw new Error('the session check refused a valid session');
    };

    const count = Number(args.filings);
    await measure(50, file);
    await measure(50, checkSession);
    const probe = new pg.Client({ connectionString: url });
    await probe.connect();
    await probe.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    await probe.query('SELECT pg_stat_statements_reset()');
    const postmasterPid = postmasterPidOf(path.join(process.cwd(), '.data', name));
    const postgresBefore = postgresCpuMs(postmasterPid);
    const profiler = args.profile ? await startProfiler() : null;
    const filing = await measure(count, file);
    if (profiler) await profiler.stop(args.profile!);
    const postgresMs = (postgresCpuMs(postmasterPid) - postgresBefore) / count;
    const { rows: statementTimes } = await probe.query<{ query: string; calls: string; plan: number; exec: number }>(
      `SELECT query, calls, total_plan_time AS plan, total_exec_time AS exec FROM pg_stat_statements
        WHERE query NOT LIKE '%pg_stat_statements%' ORDER BY total_plan_time + total_exec_time DESC LIMIT 30`,
    );
    await probe.end();
    const sessionCheck = await measure(count, checkSession);
    if (args.verbose) {
      await measure(1, file);
      console.log('\nStatements of one filing:');
      for (const [i, text] of sent.entries()) console.log(`  ${String(i + 1).padStart(2)}. ${text.slice(0, 150)}`);
      await measure(1, checkSession);
      console.log('\nStatements of one session check:');
      for (const [i, text] of sent.entries()) console.log(`  ${String(i + 1).padStart(2)}. ${text.slice(0, 150)}`);
    }
    // What getServerSession does with the cookie on every request: decode it, then encode the refreshed token; with
    // next-auth's own codec (HKDF for each) and with the app's (lib/auth/jwt-codec.ts, the key kept per process).
    const nextAuthJwt = await import('next-auth/jwt');
    const { decodeSessionJwt, encodeSessionJwt } = await import('@/lib/auth/jwt-codec');
    const secret = 'bench-secret-of-at-least-32-characters!!';
    const cookieRound =
      (codec: { encode: typeof nextAuthJwt.encode; decode: typeof nextAuthJwt.decode }) => async () => {
        const cookie = await codec.encode({ secret, token: { sub: citizen.id, sid: session.id, role: 'CITIZEN' } });
        const token = await codec.decode({ secret, token: cookie });
        if (!token) throw new Error('the cookie did not decode');
      };
    const jwtNextAuth = await measure(count, cookieRound(nextAuthJwt));
    const jwt = await measure(count, cookieRound({ encode: encodeSessionJwt, decode: decodeSessionJwt }));
    console.log(`\n${count} filings through submitAppeal (in process, one after another), after 50 warm-up filings:`);
    const row = (name: string, m: Measured) =>
      console.log(
        `  ${name.padEnd(32)} ${m.statements.toFixed(2).padStart(6)} statements  ` +
          `${m.cpuMs.toFixed(2).padStart(6)} ms Node CPU  ${m.wallMs.toFixed(2).padStart(6)} ms wall`,
      );
    row('per filing', filing);
    row('per session check (session row)', sessionCheck);
    row('per cookie, next-auth codec', jwtNextAuth);
    row('per cookie, app codec', jwt);
    console.log(`  PostgreSQL CPU per filing (server processes, /proc): ${postgresMs.toFixed(2)} ms`);
    console.log('\nPostgreSQL time per filing by statement (pg_stat_statements: planning + execution, ms):');
    for (const { query, calls, plan, exec } of statementTimes)
      console.log(
        `  ${((plan + exec) / count).toFixed(3).padStart(7)}  plan ${(plan / count).toFixed(3)}  ` +
          `calls/filing ${(Number(calls) / count).toFixed(2).padStart(5)}  ${query.replace(/\s+/g, ' ').slice(0, 110)}`,
      );
    console.log(`\nJSON: ${JSON.stringify({ filing, sessionCheck, jwtNextAuth, jwt })}`);
  });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
