// The SMS provider interface: sign-in codes and status codes leave the system only through `send`.
export type SmsPurpose = 'SIGN_IN' | 'CASE_STATUS' | 'NOTIFICATION';

export interface SmsMessageInput {
  /** Mainland mobile number, 11 digits. */
  to: string;
  body: string;
  purpose: SmsPurpose;
}

export interface SmsProvider {
  readonly name: string;
  send(message: SmsMessageInput): Promise<void>;
}
