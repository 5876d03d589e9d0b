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

// process.exit, not exitCode: the exit code is the command's answer to automation and must not depend on what else
// is still loaded (stdout and stderr are synchronous for files and pipes on Linux, so nothing printed is lost).
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(3);
  },
);
