// Built-in SMS provider (the development default): records each message in sms_message (the demo outbox) and logs one
// line with the number masked and without the text, so codes never reach the server log.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { prisma, Prisma, sqlRun } from '@/lib/db/client';
import { maskMobile } from '@/lib/auth/mobile';
import type { SmsMessageInput, SmsProvider, SmsSendResult } from './provider';
import { renderSmsText } from './templates';
import { scopedLogger } from '@/lib/security/logger';

export const builtInSmsProvider: SmsProvider = {
  name: 'built-in',
  async send({ to, kind, params, purpose, locale }: SmsMessageInput): Promise<SmsSendResult> {
    const body = renderSmsText(kind, params, locale);
    const id = randomUUID();
    await sqlRun(
      prisma,
      Prisma.sql`INSERT INTO sms_message (id, "to", body, purpose) VALUES (${id}::uuid, ${to}, ${body}, ${purpose})`,
    );
    scopedLogger('sms').info({ purpose, to: maskMobile(to), characters: body.length }, 'message recorded');
    return { providerMessageId: id };
  },
};
