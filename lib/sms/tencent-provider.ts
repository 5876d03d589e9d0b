// Tencent Cloud SMS (2021-01-11, SendSms) through its official SDK, which signs every request with TC3-HMAC-SHA256.
// The SDK takes the signed service name from the endpoint's first label, so the endpoint keeps its sms.* form; an
// HTTP agent (e.g. one that connects through a private line) can be given.
// Error codes: https://cloud.tencent.com/document/product/382/55981
import 'server-only';
import type { Agent } from 'node:http';
import * as tencent from 'tencentcloud-sdk-nodejs-sms';
import { templateFor, tencentSmsConfig, type TencentSmsConfig } from './config';
import { SmsSendError, type SmsErrorCode, type SmsProvider } from './provider';
import { templateParamValues } from './sdk-support';

const TENCENT_PREFIXES: readonly [string, SmsErrorCode][] = [
  ['LimitExceeded.', 'RATE_LIMITED'],
  ['RequestLimitExceeded', 'RATE_LIMITED'],
  ['InvalidParameterValue.IncorrectPhoneNumber', 'INVALID_NUMBER'],
  ['FailedOperation.PhoneNumberInBlacklist', 'REJECTED'],
  ['FailedOperation.TemplateIncorrectOrUnapproved', 'NOT_APPROVED'],
  ['FailedOperation.SignatureIncorrectOrUnapproved', 'NOT_APPROVED'],
  ['FailedOperation.MissingTemplateToModify', 'NOT_APPROVED'],
  ['InvalidParameterValue.TemplateParameterFormatError', 'NOT_APPROVED'],
  ['UnauthorizedOperation.SmsSdkAppIdVerifyFail', 'CREDENTIALS'],
  ['AuthFailure', 'CREDENTIALS'],
  ['FailedOperation.InsufficientBalanceInSmsPackage', 'UNAVAILABLE'],
  ['InternalError', 'UNAVAILABLE'],
];

export function classifyTencentCode(code: string): SmsErrorCode {
  return TENCENT_PREFIXES.find(([prefix]) => code.startsWith(prefix))?.[1] ?? 'REJECTED';
}

export function createTencentSmsProvider(
  config: TencentSmsConfig = tencentSmsConfig(),
  options: { agent?: Agent } = {},
): SmsProvider {
  const client = new tencent.sms.v20210111.Client({
    credential: { secretId: config.secretId, secretKey: config.secretKey },
    region: config.region,
    profile: {
      signMethod: 'TC3-HMAC-SHA256',
      httpProfile: {
        endpoint: config.endpoint,
        protocol: `${config.protocol}://`,
        reqMethod: 'POST',
        reqTimeout: Math.ceil(config.timeoutMs / 1000),
        ...(options.agent ? { agent: options.agent } : {}),
      },
    },
  });
  return {
    name: 'tencent',
    async send(message) {
      const template = templateFor(config.templates, message.kind, message.locale);
      let response: Awaited<ReturnType<typeof client.SendSms>>;
      try {
        response = await client.SendSms({
          SmsSdkAppId: config.sdkAppId,
          SignName: config.signName,
          TemplateId: template.id,
          TemplateParamSet: templateParamValues(template, message).map(([, value]) => value),
          PhoneNumberSet: [`+86${message.to}`],
          ...(message.reference ? { SessionContext: message.reference } : {}),
        });
      } catch (error) {
        if (error instanceof SmsSendError) throw error;
        const { code, httpCode } = error as { code?: unknown; httpCode?: unknown };
        if (typeof code === 'string' && code) {
          throw new SmsSendError(classifyTencentCode(code), code, `Tencent Cloud SMS refused (${code})`);
        }
        const detail = typeof httpCode === 'number' ? `HTTP ${httpCode}` : (error as Error).message;
        throw new SmsSendError('UNAVAILABLE', null, `Tencent Cloud SMS unreachable: ${detail}`);
      }
      const status = response.SendStatusSet?.[0];
      if (!status || status.Code !== 'Ok') {
        const code = status?.Code ?? 'missing';
        throw new SmsSendError(classifyTencentCode(code), code, `Tencent Cloud SMS refused (${code})`);
      }
      return { providerMessageId: status.SerialNo ?? null };
    },
  };
}
