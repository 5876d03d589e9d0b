// npm run integration -- <verb> … — onboarding a province from the command line (lib/integration/cli.ts; docs/integration.md).
import { loadEnv } from '@/lib/config/load-env';
import { closeScriptDatabase, connectDatabase } from '@/lib/db/connect';

async function main(): Promise<number> {
  loadEnv();
  const database = await connectDatabase();
  try {
    const { runIntegrationCli } = await import('@/lib/integration/cli');
    return await runIntegrationCli(process.argv.slice(2), {
      out: (line) => console.log(line),
      err: (line) => console.error(line),
    });
  } finally {
    await closeScriptDatabase(database);
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 3;
  },
);
