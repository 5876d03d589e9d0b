// Alibaba Cloud SMS (Dysmsapi 2017-05-25, SendSms) through its official SDK, which signs every request with
// ACS3-HMAC-SHA256. The endpoint is configurable (a private endpoint, a proxy, the test's local server).
// Error codes: https://help.aliyun.com/zh/sms/developer-reference/api-error-codes
import 'server-only';
import * as dysms from '@alicloud/dysmsapi20170525';
import * as openapi from '@alicloud/openapi-core';
import { alibabaSmsConfig, templateFor, type AlibabaSmsConfig } from './config';
import { SmsSendError, type SmsErrorCode, type SmsProvider } from './provider';
import { interopDefault, templateParamValues } from './sdk-support';

const ALIBABA_CODES: Readonly<Record<string, SmsErrorCode>> = {
  'isv.BUSINESS_LIMIT_CONTROL': 'RATE_LIMITED',
  'isv.DAY_LIMIT_CONTROL': 'RATE_LIMITED',
  'isv.OUT_OF_SERVICE': 'UNAVAILABLE',
  'isv.MOBILE_NUMBER_ILLEGAL': 'INVALID_NUMBER',
  'isv.MOBILE_COUNT_OVER_LIMIT': 'INVALID_NUMBER',
  'isv.BLACK_KEY_CONTROL_LIMIT': 'REJECTED',
  'isv.SMS_TEMPLATE_ILLEGAL': 'NOT_APPROVED',
  'isv.SMS_SIGNATURE_ILLEGAL': 'NOT_APPROVED',
  'isv.TEMPLATE_MISSING_PARAMETERS': 'NOT_APPROVED',
  'isv.INVALID_PARAMETERS': 'CONFIGURATION',
  'isv.AMOUNT_NOT_ENOUGH': 'UNAVAILABLE',
  'isp.SYSTEM_ERROR': 'UNAVAILABLE',
  'isp.RAM_PERMISSION_DENY': 'CREDENTIALS',
  SignatureDoesNotMatch: 'CREDENTIALS',
  'InvalidAccessKeyId.NotFound': 'CREDENTIALS',
  'InvalidTimeStamp.Expired': 'CREDENTIALS',
  SignatureNonceUsed: 'CREDENTIALS',
};

export function classifyAlibabaCode(code: string): SmsErrorCode {
  if (ALIBABA_CODES[code]) return ALIBABA_CODES[code];
  if (code.includes('Throttling')) return 'RATE_LIMITED';
  return 'REJECTED';
}

type DysmsClient = InstanceType<typeof dysms.default>;

export function createAlibabaSmsProvider(config: AlibabaSmsConfig = alibabaSmsConfig()): SmsProvider {
  const Client = interopDefault<typeof dysms.default>(dysms);
  const client: DysmsClient = new Client(
    new openapi.$OpenApiUtil.Config({
      accessKeyId: config.accessKeyId,
      accessKeySecret: config.accessKeySecret,
      endpoint: config.endpoint,
      protocol: config.protocol,
      connectTimeout: config.timeoutMs,
      readTimeout: config.timeoutMs,
    }),
  );
  return {
    name: 'alibaba',
    async send(message) {
      const template = templateFor(config.templates, message.kind, message.locale);
      const request = new dysms.SendSmsRequest({
        phoneNumbers: message.to,
        signName: config.signName,
        templateCode: template.id,
        templateParam: JSON.stringify(Object.fromEntries(templateParamValues(template, message))),
        ...(message.reference ? { outId: message.reference } : {}),
      });
      let body: { code?: string; message?: string; bizId?: string } | undefined;
      try {
        body = (await client.sendSms(request)).body;
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        const status = (error as { statusCode?: unknown }).statusCode;
        if (typeof code === 'string' && typeof status === 'number' && code !== 'undefined') {
          throw new SmsSendError(
            status >= 500 ? 'UNAVAILABLE' : classifyAlibabaCode(code),
            code,
            `Alibaba Cloud SMS refused (HTTP ${status}, ${code})`,
          );
        }
        throw new SmsSendError('UNAVAILABLE', null, `Alibaba Cloud SMS unreachable: ${(error as Error).message}`);
      }
      if (body?.code !== 'OK') {
        const code = body?.code ?? 'missing';
        throw new SmsSendError(classifyAlibabaCode(code), code, `Alibaba Cloud SMS refused (${code})`);
      }
      return { providerMessageId: body.bizId ?? null };
    },
  };
}
