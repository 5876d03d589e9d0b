import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Writable } from 'node:stream';
import { prisma } from '@/lib/db/client';
import { createLogger, logger } from '@/lib/security/logger';
import { resetCaseData } from '@/test/support/db';
import { getSmsProvider } from './get-provider';
import { isSmsOutboxEnabled, listOutboxMessages } from './outbox';

beforeEach(async () => {
  await resetCaseData();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('built-in SMS provider (real PostgreSQL)', () => {
  it('records the message and logs the number masked, without the text', async () => {
    const lines: string[] = [];
    process.env.LOG_LEVEL = 'info';
    const capturing = createLogger(
      new Writable({ write: (chunk: Buffer, _encoding, done) => done(void lines.push(chunk.toString())) }),
    );
    delete process.env.LOG_LEVEL;
    vi.spyOn(logger, 'child').mockReturnValue(capturing as never);
    await getSmsProvider().send({
      to: '13812345678',
      kind: 'SIGN_IN_CODE',
      params: { code: '654321' },
      purpose: 'SIGN_IN',
    });
    expect(await listOutboxMessages()).toEqual([
      expect.objectContaining({
        to: '13812345678',
        body: '【健康码申诉】您的登录验证码是 654321，5 分钟内有效。请勿将验证码告诉他人。',
        purpose: 'SIGN_IN',
      }),
    ]);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ msg: 'message recorded', purpose: 'SIGN_IN', characters: 42 });
    expect(lines[0]).toContain('138****5678');
    expect(lines[0]).not.toContain('13812345678');
    expect(lines[0]).not.toContain('654321');
    expect(await prisma.smsMessage.count()).toBe(1);
  });

  it('shows the outbox in development, and in production only when DEMO_SMS_OUTBOX=1', () => {
    expect(isSmsOutboxEnabled({ NODE_ENV: 'development' })).toBe(true);
    expect(isSmsOutboxEnabled({ NODE_ENV: 'production' })).toBe(false);
    expect(isSmsOutboxEnabled({ NODE_ENV: 'production', DEMO_SMS_OUTBOX: '1' })).toBe(true);
  });

  it('refuses an unknown provider name', () => {
    vi.stubEnv('SMS_PROVIDER', 'nonexistent');
    try {
      expect(() => getSmsProvider()).toThrow(/Unknown SMS_PROVIDER/);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
