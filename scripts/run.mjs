// Runs one of the command-line scripts (`npm start`, `npm run worker`, `db:migrate`, …): the JavaScript compiled by
// `npm run build` (dist/scripts/<name>.mjs, scripts/build-scripts.mjs) in a production install, which has no tsx
// (`npm ci --omit=dev`), or when NODE_ENV=production; the TypeScript source through tsx otherwise, so development
// always runs the current source. Plain Node.js, no packages. Signals are passed on; the exit code is the script's.
//   node scripts/run.mjs <name> [args…]
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
/** Scripts that run outside the React Server condition: the launcher and the Next.js server itself. */
const WITHOUT_SERVER_CONDITION = new Set(['run-app', 'server']);

const [name = '', ...args] = process.argv.slice(2);
const source = path.join(ROOT, 'scripts', `${name}.ts`);
const compiled = path.join(ROOT, 'dist', 'scripts', `${name}.mjs`);
if (!/^[a-z][a-z-]*$/.test(name) || !(existsSync(source) || existsSync(compiled))) {
  console.error(`usage: node scripts/run.mjs <script> [args…] (no script "${name}")`);
  process.exit(2);
}

function tsxInstalled() {
  try {
    createRequire(path.join(ROOT, 'package.json')).resolve('tsx');
    return true;
  } catch {
    return false;
  }
}

const useCompiled = existsSync(compiled) && (process.env.NODE_ENV === 'production' || !tsxInstalled());
if (!useCompiled && !tsxInstalled()) {
  console.error(`dist/scripts/${name}.mjs is missing and tsx is not installed: run \`npm run build\` first.`);
  process.exit(2);
}
const condition = WITHOUT_SERVER_CONDITION.has(name) ? [] : ['--conditions=react-server'];
const command = useCompiled ? [...condition, compiled, ...args] : [...condition, '--import', 'tsx', source, ...args];

const child = spawn(process.execPath, command, { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? 128 + (signal ? constants.signals[signal] : 0)));
