// `npm run dev` / `npm start`: brings up the database (embedded PostgreSQL unless DATABASE_URL is set),
// applies migrations, seeds demo data into an empty database, prints the demo sign-ins and runs Next.js.
//   --prod          run the production build (scripts/server.ts: Next.js behind the client-address check) instead of
//                   `next dev`
//   --demo          seed demo staff, citizens and cases into an empty database, and generate development secrets
//                   into .env.local when missing (without it only reference data is seeded and secrets must be set)
//   --fresh         start from an empty embedded database (used by the end-to-end tests)
//   --port N        web port (default PORT or 3000)
//   --db-name NAME  embedded cluster folder under .data/ (default pg)
//   --pg-port N     embedded PostgreSQL port (default EMBEDDED_PG_PORT or 5433)
import { spawn } from 'node:child_process';
import { webHeapOption } from '@/lib/config/web-heap';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureDevelopmentEnvFile, loadEnv, PROJECT_ROOT, REQUIRED_SECRETS } from '@/lib/config/load-env';
import { connectDatabase } from '@/lib/db/connect';
import { migrate } from '@/lib/db/migrate';

const RUN_SCRIPT = path.join(PROJECT_ROOT, 'scripts', 'run.mjs');

const { values: args } = parseArgs({
  options: {
    prod: { type: 'boolean', default: false },
    demo: { type: 'boolean', default: false },
    fresh: { type: 'boolean', default: false },
    port: { type: 'string' },
    'db-name': { type: 'string' },
    'pg-port': { type: 'string' },
  },
});

async function main(): Promise<void> {
  if (args.demo) ensureDevelopmentEnvFile();
  loadEnv();
  const missing = REQUIRED_SECRETS.filter((name) => !process.env[name]);
  if (missing.length > 0) throw new Error(`Missing configuration: ${missing.join(', ')} (see README: configuration).`);
  const port = Number(args.port ?? process.env.PORT ?? 3000);
  const database = await connectDatabase({
    name: args['db-name'],
    port: args['pg-port'] ? Number(args['pg-port']) : undefined,
    fresh: args.fresh,
  });
  console.log(
    database.embedded
      ? `嵌入式 PostgreSQL 已启动 / embedded PostgreSQL: ${database.url.replace(/:[^:@/]+@/, ':***@')}`
      : '使用 DATABASE_URL / using DATABASE_URL',
  );
  try {
    const migrations = await migrate(database.ownerUrl);
    console.log(
      `迁移 / migrations: ${migrations.applied.length} applied, ${migrations.alreadyApplied.length} up to date`,
    );
  } catch (error) {
    // A deployment gives web instances the runtime role only (no DDL): the owner migrates once, before they start
    // (`npm run db:migrate`, the compose `migrate` service); GET /api/ready reports any migration not applied.
    if (database.ownerUrl !== database.url || (error as { code?: string }).code !== '42501') throw error;
    console.log('迁移 / migrations: left to the owner role (npm run db:migrate); the runtime role may not run them');
  }

  // The seed runs as a child so the React Server condition (`server-only`) applies to it as it does to the app.
  const appUrl = process.env.NEXTAUTH_URL ?? `http://localhost:${port}`;
  // Through scripts/run.mjs: compiled JavaScript in a production install, the TypeScript source in development.
  await run(process.execPath, [RUN_SCRIPT, 'seed-if-empty', ...(args.demo ? ['--demo'] : [])], {
    DATABASE_URL: database.url,
    APP_URL: appUrl,
  });

  const web = args.prod
    ? [process.execPath, [RUN_SCRIPT, 'server', '--port', String(port)]]
    : ['npx', ['next', 'dev', '--port', String(port)]];
  const next = spawn(web[0] as string, web[1] as string[], {
    stdio: 'inherit',
    env: {
      ...process.env,
      // The production server keeps its heap small (V8 otherwise grows it lazily toward a quarter of the machine).
      ...(args.prod ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} ${webHeapOption()}`.trim() } : {}),
      DATABASE_URL: database.url,
      NEXTAUTH_URL: appUrl,
      NEXT_TELEMETRY_DISABLED: '1',
      // A demo shows its one-time codes in the SMS outbox page, also on the production build.
      ...(args.demo ? { DEMO_SMS_OUTBOX: '1' } : {}),
    },
  });
  console.log(`应用地址 / app: ${appUrl}`);

  let stopping = false;
  // Next.js closes its database connections first; then the embedded server stops.
  const nextExited = new Promise<number>((resolve) => next.on('exit', (code) => resolve(code ?? 0)));
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (next.exitCode === null) next.kill('SIGTERM');
    await nextExited;
    await database.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  void nextExited.then((code) => stop(code));
}

function run(command: string, commandArgs: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${commandArgs.join(' ')} exited with ${code}`)),
    );
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
