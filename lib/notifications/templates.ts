// The notifications the app sends (SMS templates and in-app notices), apart from the queue that writes them, so that
// the SMS settings (lib/sms/config.ts) can list them without loading the queue and its dispatch.
export const NOTIFICATION_TEMPLATES = [
  'CASE_FILED',
  'INFORMATION_REQUESTED',
  'CITIZEN_REPLIED',
  'CASE_DECIDED',
  'DEADLINE_OVERDUE',
  'SECOND_REVIEW_REQUESTED',
  'SECOND_REVIEW_DECIDED',
  'CASE_TRANSFERRED_IN',
  'DATA_REQUEST_FILED',
  'DATA_REQUEST_ANSWERED',
  'CORRECTION_CONFIRMED',
  'INTERIM_RELIEF_REQUESTED',
  'INTERIM_RELIEF_GRANTED',
  'INTERIM_RELIEF_REFUSED',
  'INTERIM_RELIEF_CONFIRMED',
  'INTERIM_RELIEF_PERMANENT',
  'INTERIM_RELIEF_REVERTED',
  'INTERIM_RELIEF_EXPIRED',
] as const;
export type NotificationTemplate = (typeof NOTIFICATION_TEMPLATES)[number];

/** Params carry references and times only, never personal data. */
export type NotificationParams = Record<string, string>;
