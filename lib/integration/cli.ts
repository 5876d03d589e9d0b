// `npm run integration -- <verb> …` (SPEC §18): onboarding a province from a script, through the same use cases as the
// admin pages, audited as the system or, with `--as <username>`, as that administrator. Refusals are printed in
// Chinese and English with the field they concern; exit codes: 0 done, 1 refused or the delivery failed, 2 wrong usage
// (3, set by scripts/integration.ts: an unexpected error).
import 'server-only';
import { parseArgs } from 'node:util';
import { SYSTEM_ACTOR, type Actor } from '@/lib/auth/actor';
import { isAppError, ValidationError } from '@/lib/core/errors';
import { formatDateTime } from '@/lib/i18n/format-date';
import { prisma } from '@/lib/db/client';
import { messagesFor } from '@/lib/i18n/messages';
import { createApiKey, listApiKeys, revokeApiKey, rotateApiKey } from './api-keys';
import { listIntegrationStatus } from './integration-status';
import { listDeliveryLog } from './list-delivery-log';
import { configureProvinceSystem, rotateWebhookSecret } from './province-systems';
import { replayDelivery } from './replay-delivery';
import { sendTestDelivery } from './send-test-delivery';
import { startWebhookReceiver } from './webhook-receiver';

export const USAGE = `npm run integration -- <verb> [options] [--as <admin username>] [--json]

  keys list [--province 34]
  keys create --province 34 --name <name> [--rate-limit <per minute>]
  keys rotate --key <key id> [--overlap-minutes <0–10080, default 1440>]
  keys revoke --key <key id>
  webhook set --province 34 --name <system name> [--url <https://…>]   (no --url: remove the webhook)
  webhook rotate-secret --province 34
  webhook test --province 34
  deliveries list --province 34 [--result delivered|failed] [--kind CORRECTION_ORDER|STATUS_CHANGED|AUDIT_CHECKPOINT]
                  [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--limit N]
  deliveries replay --province 34 --event <event id>
  status
  receiver [--province 34] [--port 4010]   (a local webhook receiver that checks signatures; Ctrl+C stops it)

Without --as the changes are audited as SYSTEM.
Exit codes: 0 done, 1 refused or the delivery failed, 2 wrong usage, 3 unexpected error (database unreachable…).`;

export const EXIT = { ok: 0, refused: 1, usage: 2 } as const;

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

class UsageError extends Error {}

const OPTIONS = {
  as: { type: 'string' },
  json: { type: 'boolean' },
  province: { type: 'string' },
  name: { type: 'string' },
  url: { type: 'string' },
  key: { type: 'string' },
  event: { type: 'string' },
  'rate-limit': { type: 'string' },
  'overlap-minutes': { type: 'string' },
  result: { type: 'string' },
  kind: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  limit: { type: 'string' },
  port: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function translate(key: string, locale: 'zh-CN' | 'en'): string {
  let node: unknown = messagesFor(locale);
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === 'string' ? node : key;
}

function both(key: string): string {
  return `${translate(key, 'zh-CN')} / ${translate(key, 'en')}`;
}

/** Whole numbers only; anything else is handed on as text so the use case's schema refuses it with its message. */
function numberOption(value: string | undefined): number | string | undefined {
  if (value === undefined) return undefined;
  return /^-?\d+$/.test(value) ? Number(value) : value;
}

async function resolveActor(username: string | undefined): Promise<Actor> {
  if (username === undefined) return SYSTEM_ACTOR;
  const user = await prisma.user.findFirst({
    where: { username, role: 'ADMIN', active: true },
    select: { id: true },
  });
  if (!user)
    throw new UsageError(`--as ${username}: 没有这个启用的管理员账户 / no active administrator has this username`);
  return { id: user.id, role: 'ADMIN', provinceCode: null };
}

function time(at: Date | null): string {
  return at ? formatDateTime(at, 'zh-CN') : '—';
}

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

async function run(verb: string, values: Values, actor: Actor, io: CliIo): Promise<number> {
  const print = (data: unknown, lines: () => string[]) => {
    if (values.json) io.out(JSON.stringify(data, null, 2));
    else lines().forEach((line) => io.out(line));
  };
  switch (verb) {
    case 'keys list': {
      const keys = await listApiKeys(actor, values.province);
      print(keys, () =>
        keys.map(
          (key) =>
            `${key.keyId}\t${key.provinceCode}\t${key.name}\t${key.live ? 'live' : key.revokedAt ? 'revoked' : 'expired'}` +
            `\texpires ${time(key.expiresAt)}\tlast used ${time(key.lastUsedAt)}\tsha256 ${key.fingerprint.slice(0, 16)}`,
        ),
      );
      return EXIT.ok;
    }
    case 'keys create': {
      const issued = await createApiKey(actor, {
        provinceCode: values.province,
        name: values.name,
        rateLimitPerMinute: numberOption(values['rate-limit']),
      });
      print(issued, () => [
        `key id:  ${issued.keyId}`,
        `secret:  ${issued.secret}`,
        '只显示这一次，请立即交给省级系统 / shown once: hand it to the province system now',
      ]);
      return EXIT.ok;
    }
    case 'keys rotate': {
      const issued = await rotateApiKey(actor, {
        keyId: values.key,
        ...(values['overlap-minutes'] !== undefined ? { overlapMinutes: numberOption(values['overlap-minutes']) } : {}),
      });
      print(issued, () => [
        `key id:  ${issued.keyId}`,
        `secret:  ${issued.secret}`,
        `旧密钥有效至 old key works until ${time(issued.previousKeyExpiresAt)} (Asia/Shanghai)`,
        '只显示这一次 / shown once',
      ]);
      return EXIT.ok;
    }
    case 'keys revoke': {
      await revokeApiKey(actor, { keyId: values.key });
      print({ keyId: values.key, revoked: true }, () => [`已吊销 revoked ${values.key}`]);
      return EXIT.ok;
    }
    case 'webhook set': {
      const saved = await configureProvinceSystem(actor, {
        provinceCode: values.province,
        name: values.name,
        webhookUrl: values.url ?? null,
      });
      print(saved, () => [
        `${saved.provinceCode} ${saved.name}: ${saved.webhookUrl ?? '（无接收地址 no webhook）'}`,
        ...(saved.webhookSecret
          ? [
              `webhook secret: ${saved.webhookSecret}`,
              '只显示这一次 / shown once: the receiver checks signatures with it',
            ]
          : []),
      ]);
      return EXIT.ok;
    }
    case 'webhook rotate-secret': {
      const rotated = await rotateWebhookSecret(actor, { provinceCode: values.province });
      print(rotated, () => [`webhook secret: ${rotated.webhookSecret}`, '只显示这一次 / shown once']);
      return EXIT.ok;
    }
    case 'webhook test': {
      const result = await sendTestDelivery(actor, { provinceCode: values.province });
      print(result, () => [
        `${result.delivered ? '成功 delivered' : '失败 failed'}: ${result.webhookUrl}`,
        `HTTP ${result.httpStatus ?? '—'}${result.error ? ` (${result.error})` : ''}, ${result.durationMs} ms`,
      ]);
      return result.delivered ? EXIT.ok : EXIT.refused;
    }
    case 'deliveries list': {
      const attempts = await listDeliveryLog(actor, {
        provinceCode: values.province,
        result: values.result,
        kind: values.kind,
        from: values.from,
        to: values.to,
        limit: numberOption(values.limit),
      });
      print(attempts, () =>
        attempts.map(
          (row) =>
            `${time(row.attemptedAt)}\t${row.outboxEventId}\t${row.kind}\t#${row.attempt}\t` +
            `${row.delivered ? 'delivered' : 'failed'}\tHTTP ${row.httpStatus ?? '—'}\t${row.durationMs} ms` +
            `${row.error ? `\t${row.error}` : ''}${row.eventStatus === 'PENDING' && !row.delivered ? '\t(replayable)' : ''}`,
        ),
      );
      return EXIT.ok;
    }
    case 'deliveries replay': {
      const result = await replayDelivery(actor, { provinceCode: values.province, outboxEventId: values.event });
      const attempt = result.attempt;
      print(result, () => [
        attempt
          ? `${attempt.delivered ? '成功 delivered' : '失败 failed'}: attempt #${attempt.attempt}, HTTP ${attempt.httpStatus ?? '—'}` +
            `${attempt.error ? ` (${attempt.error})` : ''}`
          : '已排队，由投递进程发送 / queued: a worker holds it and delivers it',
      ]);
      return attempt && !attempt.delivered ? EXIT.refused : EXIT.ok;
    }
    case 'status': {
      const rows = await listIntegrationStatus(actor);
      print(rows, () =>
        rows.map(
          (row) =>
            `${row.provinceCode} ${row.provinceName}\t${row.systemName ? 'connected' : 'not connected'}\tkeys ${row.liveKeys}` +
            `\tlast inbound ${time(row.lastInboundAt)}\tlast delivery ${time(row.lastDeliveryAt)}` +
            `${row.lastDeliveryOk === false ? ' (failed)' : ''}\tfailures 24h ${row.recentFailures}` +
            `\tunconfirmed ${row.unconfirmedCorrections}`,
        ),
      );
      return EXIT.ok;
    }
    case 'receiver': {
      const port = Number(values.port ?? 4010);
      if (!Number.isInteger(port) || port < 0 || port > 65_535)
        throw new UsageError(`--port ${values.port}: not a port`);
      const server = await startWebhookReceiver({ provinceCode: values.province ?? '34', port, log: io.out });
      await new Promise<void>((resolve) => {
        const stop = () => {
          server.close(() => resolve());
          server.closeAllConnections();
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      return EXIT.ok;
    }
    default:
      throw new UsageError(`unknown command: ${verb || '(none)'}`);
  }
}

/** Runs one command line (without the node/script arguments); returns the exit code. */
export async function runIntegrationCli(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error));
    io.err(USAGE);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(USAGE);
    return EXIT.ok;
  }
  const single = positionals[0] === 'status' || positionals[0] === 'receiver';
  const verb = positionals.slice(0, single ? 1 : 2).join(' ');
  try {
    const actor = await resolveActor(values.as);
    return await run(verb, values, actor, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(error.message);
      io.err(USAGE);
      return EXIT.usage;
    }
    if (error instanceof ValidationError) {
      io.err(`拒绝 refused: ${both(error.messageKey)}`);
      for (const [field, key] of Object.entries(error.fieldErrors)) io.err(`  ${field}: ${both(key)}`);
      return EXIT.refused;
    }
    if (isAppError(error)) {
      io.err(`拒绝 refused: ${both(error.messageKey)}`);
      return EXIT.refused;
    }
    throw error;
  }
}
