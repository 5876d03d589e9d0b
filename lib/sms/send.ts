// Sends one SMS through the configured provider and records the attempt in sms_delivery (provider, kind, masked
// number, outcome, the provider's code and message id, how long it took). Never called inside a transaction: the
// provider's answer may take seconds, and no row lock may be held meanwhile.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { maskMobile } from '@/lib/auth/mobile';
import { prisma, Prisma, sqlRun } from '@/lib/db/client';
import { scopedLogger } from '@/lib/security/logger';
import { getSmsProvider } from './get-provider';
import { SmsSendError, type SmsMessageInput, type SmsSendResult } from './provider';

export type SmsOutcome = ({ ok: true } & SmsSendResult) | { ok: false; error: SmsSendError };

export interface SendSmsOptions {
  notificationId?: string;
  /**
   * Records the attempt together with the caller's own row, in one statement: given the outcome and the INSERT of
   * its sms_delivery row, to run as a CTE of that statement. Without it, the INSERT runs by itself.
   */
  recordWith?: (outcome: SmsOutcome, deliveryInsert: Prisma.Sql) => Promise<void>;
}

export async function sendSms(message: SmsMessageInput, options: SendSmsOptions = {}): Promise<SmsOutcome> {
  const provider = getSmsProvider();
  const started = performance.now();
  let outcome: SmsOutcome;
  try {
    outcome = { ok: true, ...(await provider.send(message)) };
  } catch (error) {
    outcome = {
      ok: false,
      error:
        error instanceof SmsSendError
          ? error
          : new SmsSendError('UNAVAILABLE', null, error instanceof Error ? error.message : 'send failed'),
    };
  }
  const durationMs = Math.round(performance.now() - started);
  const deliveryInsert = Prisma.sql`
    INSERT INTO sms_delivery (id, provider, kind, purpose, mobile_masked, notification_id, outcome, error_code,
                              provider_code, provider_message_id, duration_ms)
    VALUES (${randomUUID()}::uuid, ${provider.name}, ${message.kind}, ${message.purpose}, ${maskMobile(message.to)},
            ${options.notificationId ?? null}::uuid, ${outcome.ok ? 'SENT' : 'FAILED'},
            ${outcome.ok ? null : outcome.error.code}, ${outcome.ok ? null : outcome.error.providerCode},
            ${outcome.ok ? outcome.providerMessageId : null}, ${durationMs})`;
  if (options.recordWith) await options.recordWith(outcome, deliveryInsert);
  else await sqlRun(prisma, deliveryInsert);
  if (!outcome.ok) {
    scopedLogger('sms').warn(
      {
        provider: provider.name,
        kind: message.kind,
        code: outcome.error.code,
        providerCode: outcome.error.providerCode,
      },
      outcome.error.message,
    );
  }
  return outcome;
}
