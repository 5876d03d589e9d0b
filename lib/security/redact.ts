// Personal data never reaches a log line (SPEC §10): resident ID numbers are removed, mobile numbers masked, wherever
// they appear in a message, and known personal fields of logged objects are censored.
const ID_NUMBER = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const MOBILE = /(?<!\d)(\+?86)?(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;

/** `…341602199001011234…` → `…[ID number]…`; `13812345678` → `138****5678`. */
export function redactText(text: string): string {
  return text.replace(ID_NUMBER, '[ID number]').replace(MOBILE, '$1$2****$3');
}

/** Field names whose values are never logged, at any depth (pino's redact paths). */
export const REDACTED_FIELDS = [
  'password',
  'currentPassword',
  'newPassword',
  'passwordHash',
  'code',
  'secret',
  'totpSecret',
  'recoveryCodes',
  'idNumber',
  'idNumberCipher',
  'idNumberHash',
  'applicantName',
  'mobile',
  'recipientMobile',
  'statement',
  'replyText',
  'body',
  'cookie',
  'authorization',
] as const;
