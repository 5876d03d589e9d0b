// The configuration of the real SMS providers, read from the environment and checked once (a wrong setting stops
// the process with a clear message rather than failing the first citizen who asks for a code).
//   SMS_PROVIDER       built-in (default) | alibaba | tencent
//   SMS_SIGN_NAME      the registered sign name (签名), e.g. 健康码申诉
//   SMS_TEMPLATES      JSON: for each message kind, the template registered with the provider per language and
//                      the order of its parameters, e.g.
//                      {"SIGN_IN_CODE":{"zh-CN":"SMS_1234","en":"SMS_1235","params":["code"]}, …}
//   SMS_TIMEOUT_MS     how long to wait for the provider (default 10000; keep it well under the dispatch lease)
//   Alibaba Cloud:     ALIBABA_SMS_ACCESS_KEY_ID, ALIBABA_SMS_ACCESS_KEY_SECRET,
//                      ALIBABA_SMS_ENDPOINT (default dysmsapi.aliyuncs.com), ALIBABA_SMS_PROTOCOL (https | http)
//   Tencent Cloud:     TENCENT_SMS_SECRET_ID, TENCENT_SMS_SECRET_KEY, TENCENT_SMS_SDK_APP_ID,
//                      TENCENT_SMS_REGION (default ap-guangzhou), TENCENT_SMS_ENDPOINT (default sms.tencentcloudapi.com),
//                      TENCENT_SMS_PROTOCOL (https | http)
import { z } from 'zod';
import { NOTIFICATION_TEMPLATES } from '@/lib/notifications/templates';
import type { SmsKind, SmsLocale } from './provider';

export const SMS_KINDS: readonly SmsKind[] = ['SIGN_IN_CODE', 'STATUS_CODE', ...NOTIFICATION_TEMPLATES];

const templateId = z.string().trim().min(1).max(64);
const templateSchema = z.strictObject({
  'zh-CN': templateId,
  en: templateId.optional(),
  params: z.array(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/)).max(10),
});
export type SmsTemplate = z.infer<typeof templateSchema>;
export type SmsTemplates = Readonly<Record<SmsKind, SmsTemplate>>;

const templatesSchema = z
  .record(z.enum(SMS_KINDS as [SmsKind, ...SmsKind[]]), templateSchema)
  .superRefine((value, ctx) => {
    for (const kind of SMS_KINDS) {
      if (!value[kind]) ctx.addIssue({ code: 'custom', message: `no template for ${kind}` });
    }
  });

const protocol = z.enum(['https', 'http']).default('https');
const timeoutMs = z.coerce.number().int().min(100).max(60_000).default(10_000);
const required = z.string().trim().min(1);

export interface CommonSmsConfig {
  signName: string;
  templates: SmsTemplates;
  timeoutMs: number;
}

export interface AlibabaSmsConfig extends CommonSmsConfig {
  accessKeyId: string;
  accessKeySecret: string;
  endpoint: string;
  protocol: 'https' | 'http';
}

export interface TencentSmsConfig extends CommonSmsConfig {
  secretId: string;
  secretKey: string;
  sdkAppId: string;
  region: string;
  endpoint: string;
  protocol: 'https' | 'http';
}

type Env = Record<string, string | undefined>;

function parse<T>(schema: z.ZodType<T>, env: Env, provider: string): T {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'SMS_TEMPLATES'}: ${issue.message}`);
  throw new Error(`SMS_PROVIDER=${provider} is not configured correctly: ${problems.join('; ')}`);
}

const jsonTemplates = z.string().transform((text, ctx) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    ctx.addIssue({ code: 'custom', message: 'not valid JSON' });
    return z.NEVER;
  }
});

const common = {
  SMS_SIGN_NAME: required.max(40),
  SMS_TEMPLATES: jsonTemplates.pipe(templatesSchema),
  SMS_TIMEOUT_MS: timeoutMs,
};

function commonConfig(parsed: {
  SMS_SIGN_NAME: string;
  SMS_TEMPLATES: unknown;
  SMS_TIMEOUT_MS: number;
}): CommonSmsConfig {
  return {
    signName: parsed.SMS_SIGN_NAME,
    templates: parsed.SMS_TEMPLATES as SmsTemplates,
    timeoutMs: parsed.SMS_TIMEOUT_MS,
  };
}

/** The settings of one provider: the common ones, and each of `fields` from `<prefix>_<FIELD_IN_CAPITALS>`. */
function providerConfig<F extends Record<string, z.ZodType>>(
  env: Env,
  provider: string,
  prefix: string,
  fields: F,
): CommonSmsConfig & { [K in keyof F]: z.output<F[K]> } {
  const keyOf = (field: string) => `${prefix}_${field.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase()}`;
  const names = Object.keys(fields);
  const parsed = parse(
    z.object({ ...common, ...Object.fromEntries(names.map((field) => [keyOf(field), fields[field]!])) }),
    env,
    provider,
  ) as Parameters<typeof commonConfig>[0] & Record<string, unknown>;
  return {
    ...commonConfig(parsed),
    ...Object.fromEntries(names.map((field) => [field, parsed[keyOf(field)]])),
  } as CommonSmsConfig & { [K in keyof F]: z.output<F[K]> };
}

export function alibabaSmsConfig(env: Env = process.env): AlibabaSmsConfig {
  return providerConfig(env, 'alibaba', 'ALIBABA_SMS', {
    accessKeyId: required,
    accessKeySecret: required,
    endpoint: required.default('dysmsapi.aliyuncs.com'),
    protocol,
  });
}

export function tencentSmsConfig(env: Env = process.env): TencentSmsConfig {
  return providerConfig(env, 'tencent', 'TENCENT_SMS', {
    secretId: required,
    secretKey: required,
    sdkAppId: required.regex(/^\d+$/),
    region: required.default('ap-guangzhou'),
    endpoint: required.default('sms.tencentcloudapi.com'),
    protocol,
  });
}

/** The template of a kind in a language (the Chinese one when none is registered in that language). */
export function templateFor(
  templates: SmsTemplates,
  kind: SmsKind,
  locale: SmsLocale = 'zh-CN',
): { id: string; params: readonly string[] } {
  const template = templates[kind];
  return { id: (locale === 'en' ? template.en : undefined) ?? template['zh-CN'], params: template.params };
}
