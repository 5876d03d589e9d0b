// Built-in SMS provider: records each message in sms_message (the demo outbox) and logs one line
// with the number masked and without the text, so codes never reach the server log.
import 'server-only';
import { prisma, type TransactionClient } from '@/lib/db/client';
import { maskMobile } from '@/lib/auth/mobile';
import type { SmsMessageInput, SmsProvider } from './provider';
import { scopedLogger } from '@/lib/security/logger';

export const builtInSmsProvider: SmsProvider = {
  name: 'built-in',
  async send({ to, body, purpose }: SmsMessageInput, options?: { db?: TransactionClient }): Promise<void> {
    await (options?.db ?? prisma).smsMessage.create({ data: { to, body, purpose } });
    scopedLogger('sms').info({ purpose, to: maskMobile(to), characters: body.length }, 'message recorded');
  },
};
