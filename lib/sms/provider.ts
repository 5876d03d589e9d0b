// The SMS provider interface (SPEC §11, §18): codes and notices leave the system only through `send`. A message is a
// kind (the template) with its parameters, never free text: real providers send only registered, approved templates.
import type { NotificationTemplate } from '@/lib/notifications/templates';

export type SmsPurpose = 'SIGN_IN' | 'CASE_STATUS' | 'NOTIFICATION';

/** The message kinds: the two one-time codes and one per notification template. */
export type SmsKind = 'SIGN_IN_CODE' | 'STATUS_CODE' | NotificationTemplate;

export type SmsLocale = 'zh-CN' | 'en';

export interface SmsMessageInput {
  /** Mainland mobile number, 11 digits. */
  to: string;
  kind: SmsKind;
  /** The template's parameters: codes, references and times only, never personal data. */
  params: Readonly<Record<string, string>>;
  purpose: SmsPurpose;
  locale?: SmsLocale;
  /** Our identifier of the message, passed to providers that echo it back (Alibaba's OutId, Tencent's SessionContext). */
  reference?: string;
}

export interface SmsSendResult {
  /** The provider's identifier of the message (BizId, SerialNo), when it gives one. */
  providerMessageId: string | null;
}

/**
 * How a provider refused, in our terms. RATE_LIMITED and UNAVAILABLE are worth retrying later; the others are not
 * (the number, the template or the credentials must be fixed first).
 */
export type SmsErrorCode =
  'RATE_LIMITED' | 'INVALID_NUMBER' | 'NOT_APPROVED' | 'CREDENTIALS' | 'CONFIGURATION' | 'UNAVAILABLE' | 'REJECTED';

const RETRYABLE: ReadonlySet<SmsErrorCode> = new Set(['RATE_LIMITED', 'UNAVAILABLE']);

export class SmsSendError extends Error {
  readonly retryable: boolean;
  constructor(
    readonly code: SmsErrorCode,
    /** The provider's own code (isv.MOBILE_NUMBER_ILLEGAL, FailedOperation.TemplateIncorrectOrUnapproved, …). */
    readonly providerCode: string | null,
    message: string,
  ) {
    super(message);
    this.name = 'SmsSendError';
    this.retryable = RETRYABLE.has(code);
  }
}

export interface SmsProvider {
  readonly name: string;
  send(message: SmsMessageInput): Promise<SmsSendResult>;
}
