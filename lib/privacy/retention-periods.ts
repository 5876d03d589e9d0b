// How long each kind of personal data is kept (SPEC §10, §17), in one place: the privacy notice, the retention job and
// docs/privacy.md all read these numbers.

/** Personal data of a closed case: erased this many days after closing (RETENTION_DAYS overrides it). */
export const DEFAULT_RETENTION_DAYS = 180;
/** One-time codes live 5 minutes; the rows (the mobile they went to) are deleted this long after they expire. */
export const OTP_KEEP_MINUTES = 30;
/** What the built-in SMS provider recorded (the number and the text): deleted after this many days. */
export const SMS_LOG_KEEP_DAYS = 7;
/** A citizen's request about their data is answered within this many calendar days. */
export const DATA_REQUEST_DAYS = 15;
