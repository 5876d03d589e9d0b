// The Alibaba Cloud and Tencent Cloud adapters, through their official SDKs, against a local server that checks every
// request's signature as the provider does (test/support/sms-provider-server.ts); real PostgreSQL underneath.
import { Agent } from 'node:http';
import type { LookupFunction } from 'node:net';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkOneTimeCode, requestSignInCode } from '@/lib/auth/otp';
import { closeRateLimits } from '@/lib/auth/rate-limit';
import { prisma } from '@/lib/db/client';
import { dispatchNotifications } from '@/lib/notifications/dispatch';
import { resetCaseData } from '@/test/support/db';
import { startSmsProviderServer, type SmsProviderServer } from '@/test/support/sms-provider-server';
import { createAlibabaSmsProvider } from './alibaba-provider';
import { alibabaSmsConfig, SMS_KINDS, tencentSmsConfig } from './config';
import { SmsSendError } from './provider';
import { createTencentSmsProvider } from './tencent-provider';

const TEMPLATES = Object.fromEntries(
  SMS_KINDS.map((kind, index) => [
    kind,
    {
      'zh-CN': `SMS_${100 + index}`,
      en: `SMS_${200 + index}`,
      params:
        kind === 'SIGN_IN_CODE'
          ? ['code']
          : kind === 'STATUS_CODE'
            ? ['reference', 'code']
            : kind === 'CASE_FILED'
              ? ['reference', 'dueAt']
              : ['reference'],
    },
  ]),
);

const ALIBABA_KEY = { id: 'LTAI5tLocalTestKey', secret: 'alibaba-local-secret' };
const TENCENT_KEY = { id: 'AKIDlocaltestsecretid', secret: 'tencent-local-secret-key' };

const servers: SmsProviderServer[] = [];
async function server(provider: 'alibaba' | 'tencent', delayMs = 0): Promise<SmsProviderServer> {
  const started = await startSmsProviderServer({
    provider,
    credentials:
      provider === 'alibaba' ? { [ALIBABA_KEY.id]: ALIBABA_KEY.secret } : { [TENCENT_KEY.id]: TENCENT_KEY.secret },
    delayMs,
  });
  servers.push(started);
  return started;
}

function alibabaEnv(endpoint: string, secret = ALIBABA_KEY.secret): Record<string, string> {
  return {
    SMS_PROVIDER: 'alibaba',
    SMS_SIGN_NAME: '健康码申诉',
    SMS_TEMPLATES: JSON.stringify(TEMPLATES),
    SMS_TIMEOUT_MS: '5000',
    ALIBABA_SMS_ACCESS_KEY_ID: ALIBABA_KEY.id,
    ALIBABA_SMS_ACCESS_KEY_SECRET: secret,
    ALIBABA_SMS_ENDPOINT: endpoint,
    ALIBABA_SMS_PROTOCOL: 'http',
  };
}

/** Tencent's SDK names the signed service after the endpoint's first label: connect sms.tencentcloudapi.com to loopback. */
const loopback: LookupFunction = (_hostname, options, callback) => {
  if ((options as { all?: boolean }).all)
    (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [
      { address: '127.0.0.1', family: 4 },
    ]);
  else callback(null, '127.0.0.1', 4);
};

function tencentProvider(port: number, secret = TENCENT_KEY.secret) {
  const config = tencentSmsConfig({
    SMS_SIGN_NAME: '健康码申诉',
    SMS_TEMPLATES: JSON.stringify(TEMPLATES),
    TENCENT_SMS_SECRET_ID: TENCENT_KEY.id,
    TENCENT_SMS_SECRET_KEY: secret,
    TENCENT_SMS_SDK_APP_ID: '1400000001',
    TENCENT_SMS_ENDPOINT: `sms.tencentcloudapi.com:${port}`,
    TENCENT_SMS_PROTOCOL: 'http',
  });
  return createTencentSmsProvider(config, { agent: new Agent({ lookup: loopback }) });
}

async function sendError(promise: Promise<unknown>): Promise<SmsSendError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof SmsSendError)) throw new Error(`expected an SmsSendError, got ${String(error)}`);
  return error;
}

beforeEach(async () => {
  vi.spyOn(console, 'info').mockImplementation(() => {});
  await resetCaseData();
});

afterEach(async () => {
  vi.unstubAllEnvs();
  for (const started of servers.splice(0)) await started.close();
});

afterAll(async () => {
  await closeRateLimits();
});

describe('Alibaba Cloud SMS (ACS3-HMAC-SHA256)', () => {
  it('sends a sign-in code through the configured template; the code that arrives signs in; the delivery is recorded', async () => {
    const local = await server('alibaba');
    for (const [key, value] of Object.entries(alibabaEnv(local.endpoint))) vi.stubEnv(key, value);

    const result = await requestSignInCode({ mobile: '13800000001', ip: '10.0.0.1' });
    expect(result).toMatchObject({ ok: true, maskedMobile: '138****0001' });
    expect(local.requests).toEqual([
      expect.objectContaining({
        provider: 'alibaba',
        signatureProblem: null,
        phone: '13800000001',
        signName: '健康码申诉',
        template: TEMPLATES.SIGN_IN_CODE!['zh-CN'],
        params: { code: expect.stringMatching(/^\d{6}$/) },
      }),
    ]);
    const code = (local.requests[0]!.params as Record<string, string>).code!;
    expect(await checkOneTimeCode({ purpose: 'SIGN_IN', mobile: '13800000001', code, ip: '10.0.0.1' })).toEqual({
      ok: true,
    });
    expect(await prisma.smsDelivery.findMany()).toEqual([
      expect.objectContaining({
        provider: 'alibaba',
        kind: 'SIGN_IN_CODE',
        mobileMasked: '138****0001',
        outcome: 'SENT',
        providerMessageId: expect.stringMatching(/\^0$/),
      }),
    ]);
    // The built-in outbox stays empty: the message went to the provider.
    expect(await prisma.smsMessage.count()).toBe(0);
  });

  it('is refused by the signature check with a wrong secret, and the citizen is told to try later', async () => {
    const local = await server('alibaba');
    for (const [key, value] of Object.entries(alibabaEnv(local.endpoint, 'not-the-secret'))) vi.stubEnv(key, value);
    expect(await requestSignInCode({ mobile: '13800000002', ip: '10.0.0.2' })).toEqual({
      ok: false,
      error: 'sms_unavailable',
    });
    expect(local.requests.map((request) => request.signatureProblem)).toEqual(['SignatureDoesNotMatch']);
    expect(await prisma.smsDelivery.findFirst()).toMatchObject({
      outcome: 'FAILED',
      errorCode: 'CREDENTIALS',
      providerCode: 'SignatureDoesNotMatch',
    });
  });

  it('maps the provider codes: rate limit, invalid number, template not approved', async () => {
    const local = await server('alibaba');
    for (const [key, value] of Object.entries(alibabaEnv(local.endpoint))) vi.stubEnv(key, value);
    local.answers.set('13800000003', 'isv.BUSINESS_LIMIT_CONTROL');
    local.answers.set('13800000004', 'isv.MOBILE_NUMBER_ILLEGAL');
    local.answers.set('13800000005', 'isv.SMS_TEMPLATE_ILLEGAL');
    expect(await requestSignInCode({ mobile: '13800000003', ip: '10.0.0.3' })).toEqual({
      ok: false,
      error: 'rate_limited',
      retryAfterSeconds: 60,
    });
    expect(await requestSignInCode({ mobile: '13800000004', ip: '10.0.0.4' })).toEqual({
      ok: false,
      error: 'mobile_invalid',
    });
    const provider = createAlibabaSmsProvider(alibabaSmsConfig(alibabaEnv(local.endpoint)));
    const refused = await sendError(
      provider.send({ to: '13800000005', kind: 'CASE_DECIDED', params: { reference: 'A1' }, purpose: 'NOTIFICATION' }),
    );
    expect(refused).toMatchObject({ code: 'NOT_APPROVED', providerCode: 'isv.SMS_TEMPLATE_ILLEGAL', retryable: false });
    expect(local.requests.every((request) => request.signatureProblem === null)).toBe(true);
    expect(local.requests.map((request) => request.phone)).toEqual(['13800000003', '13800000004', '13800000005']);
  });

  it('uses the English template when the message is in English', async () => {
    const local = await server('alibaba');
    const provider = createAlibabaSmsProvider(alibabaSmsConfig(alibabaEnv(local.endpoint)));
    await provider.send({
      to: '13800000006',
      kind: 'CASE_FILED',
      params: { reference: 'A2', dueAt: '2026-12-10' },
      purpose: 'NOTIFICATION',
      locale: 'en',
    });
    expect(local.requests[0]).toMatchObject({
      template: TEMPLATES.CASE_FILED!.en,
      params: { reference: 'A2', dueAt: '2026-12-10' },
    });
  });
});

describe('Tencent Cloud SMS (TC3-HMAC-SHA256)', () => {
  it('sends through the configured template with its parameters in order', async () => {
    const local = await server('tencent');
    const result = await tencentProvider(local.port).send({
      to: '13900000001',
      kind: 'STATUS_CODE',
      params: { code: '123456', reference: 'HC-44-20261204-0001' },
      purpose: 'CASE_STATUS',
      reference: 'ctx-1',
    });
    expect(result.providerMessageId).toMatch(/^2028:/);
    expect(local.requests).toEqual([
      expect.objectContaining({
        provider: 'tencent',
        signatureProblem: null,
        phone: '13900000001',
        signName: '健康码申诉',
        template: TEMPLATES.STATUS_CODE!['zh-CN'],
        params: ['HC-44-20261204-0001', '123456'],
        reference: 'ctx-1',
      }),
    ]);
  });

  it('is refused by the signature check with a wrong key', async () => {
    const local = await server('tencent');
    const refused = await sendError(
      tencentProvider(local.port, 'wrong-key').send({
        to: '13900000002',
        kind: 'SIGN_IN_CODE',
        params: { code: '111111' },
        purpose: 'SIGN_IN',
      }),
    );
    expect(refused).toMatchObject({ code: 'CREDENTIALS', providerCode: 'AuthFailure.SignatureFailure' });
    expect(local.requests.map((request) => request.signatureProblem)).toEqual(['AuthFailure.SignatureFailure']);
  });

  it('maps the provider codes: rate limit, invalid number, template not approved', async () => {
    const local = await server('tencent');
    const provider = tencentProvider(local.port);
    const cases: [string, string, string][] = [
      ['13900000003', 'LimitExceeded.PhoneNumberThirtySecondLimit', 'RATE_LIMITED'],
      ['13900000004', 'InvalidParameterValue.IncorrectPhoneNumber', 'INVALID_NUMBER'],
      ['13900000005', 'FailedOperation.TemplateIncorrectOrUnapproved', 'NOT_APPROVED'],
    ];
    for (const [phone, providerCode, code] of cases) {
      local.answers.set(phone, providerCode);
      const refused = await sendError(
        provider.send({ to: phone, kind: 'SIGN_IN_CODE', params: { code: '222222' }, purpose: 'SIGN_IN' }),
      );
      expect(refused).toMatchObject({ code, providerCode });
    }
    expect(local.requests.every((request) => request.signatureProblem === null)).toBe(true);
  });

  it('refuses a message lacking a parameter its template needs, before calling the provider', async () => {
    const local = await server('tencent');
    const refused = await sendError(
      tencentProvider(local.port).send({
        to: '13900000006',
        kind: 'CASE_FILED',
        params: { reference: 'A3' },
        purpose: 'NOTIFICATION',
      }),
    );
    expect(refused).toMatchObject({ code: 'CONFIGURATION' });
    expect(local.requests).toEqual([]);
  });
});

describe('configuration', () => {
  it('names what is wrong', () => {
    expect(() => alibabaSmsConfig({ SMS_SIGN_NAME: 'x', SMS_TEMPLATES: '{' })).toThrow(/SMS_TEMPLATES: not valid JSON/);
    const partial = JSON.stringify({ SIGN_IN_CODE: TEMPLATES.SIGN_IN_CODE });
    expect(() => alibabaSmsConfig({ ...alibabaEnv('x'), SMS_TEMPLATES: partial })).toThrow(
      /SMS_TEMPLATES\.STATUS_CODE/,
    );
    expect(() => tencentSmsConfig({ SMS_SIGN_NAME: 'x', SMS_TEMPLATES: JSON.stringify(TEMPLATES) })).toThrow(
      /TENCENT_SMS_SECRET_ID/,
    );
  });
});

describe('dispatching notifications with a slow provider', () => {
  async function queueSms(count: number): Promise<string[]> {
    const rows = await prisma.notification.createManyAndReturn({
      data: Array.from({ length: count }, (_, index) => ({
        provinceCode: '44',
        channel: 'SMS' as const,
        recipientMobile: `1370000000${index}`,
        template: 'CASE_DECIDED',
        params: { reference: `HC-44-000${index}` },
      })),
      select: { id: true },
    });
    return rows.map((row) => row.id);
  }

  it('two dispatchers send each message once, and no row stays locked while the provider answers', async () => {
    const local = await server('alibaba', 1_500);
    for (const [key, value] of Object.entries(alibabaEnv(local.endpoint))) vi.stubEnv(key, value);
    const ids = await queueSms(3);

    const first = dispatchNotifications();
    const second = dispatchNotifications();
    // While the provider is still answering, the rows can be locked by anyone else at once: no lock is held.
    await vi.waitFor(() => expect(local.requests.length).toBeGreaterThan(0), { timeout: 5_000, interval: 20 });
    const locked = await prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL lock_timeout = '200ms'`;
      return tx.$queryRaw<{ id: string }[]>`SELECT id::text FROM notification FOR UPDATE NOWAIT`;
    });
    expect(locked).toHaveLength(3);

    const sent = (await first) + (await second);
    expect(sent).toBe(3);
    expect(local.requests.map((request) => request.phone).sort()).toEqual([
      '13700000000',
      '13700000001',
      '13700000002',
    ]);
    expect(local.requests.map((request) => request.reference).sort()).toEqual([...ids].sort());
    const rows = await prisma.notification.findMany({ select: { status: true, attempts: true, lockedUntil: true } });
    expect(rows).toEqual(Array(3).fill({ status: 'SENT', attempts: 1, lockedUntil: null }));
    expect(await prisma.smsDelivery.count({ where: { outcome: 'SENT' } })).toBe(3);
  });

  it('keeps a rate-limited message for a later try and fails an unapproved template for good', async () => {
    const local = await server('alibaba');
    for (const [key, value] of Object.entries(alibabaEnv(local.endpoint))) vi.stubEnv(key, value);
    await queueSms(2);
    local.answers.set('13700000000', 'isv.BUSINESS_LIMIT_CONTROL');
    local.answers.set('13700000001', 'isv.SMS_TEMPLATE_ILLEGAL');
    expect(await dispatchNotifications()).toBe(0);
    const rows = await prisma.notification.findMany({
      orderBy: { recipientMobile: 'asc' },
      select: { status: true, attempts: true, lastError: true },
    });
    expect(rows).toEqual([
      { status: 'PENDING', attempts: 1, lastError: 'RATE_LIMITED' },
      { status: 'FAILED', attempts: 1, lastError: 'NOT_APPROVED' },
    ]);
    local.answers.clear();
    expect(await dispatchNotifications()).toBe(1);
    // The first pass sends both (in whichever order the provider answers them), the second only the rate-limited one.
    const phones = local.requests.map((request) => request.phone);
    expect(phones.slice(0, 2).sort()).toEqual(['13700000000', '13700000001']);
    expect(phones.slice(2)).toEqual(['13700000000']);
  });
});
