// The SMS provider interface: sign-in codes and status codes leave the system only through `send`.
import type { TransactionClient } from '@/lib/db/client';

export type SmsPurpose = 'SIGN_IN' | 'CASE_STATUS' | 'NOTIFICATION';

export interface SmsMessageInput {
  /** Mainland mobile number, 11 digits. */
  to: string;
  body: string;
  purpose: SmsPurpose;
}

export interface SmsProvider {
  readonly name: string;
  /**
   * `db`: the transaction that marks the notification sent. A provider that records messages in the database
   * writes through it, so the message and its notification's status commit together (no duplicate on retry).
   */
  send(message: SmsMessageInput, options?: { db?: TransactionClient }): Promise<void>;
}
