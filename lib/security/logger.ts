// The app's structured log (pino, JSON lines on stdout): one place that removes personal data from every line —
// ID numbers and mobile numbers inside messages and error texts, and personal fields of logged objects.
import 'server-only';
import pino from 'pino';
import { REDACTED_FIELDS, redactText } from './redact';

function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  // Messages of database and library errors can quote the values they failed on: redacted like everything else.
  return {
    type: error.name,
    message: redactText(error.message),
    ...(code ? { code } : {}),
    ...(process.env.NODE_ENV === 'production' ? {} : { stack: redactText(error.stack ?? '') }),
  };
}

/** The app's logger; tests pass their own destination to read what would be written. */
export function createLogger(destination?: pino.DestinationStream): pino.Logger {
  const options: pino.LoggerOptions = {
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
    base: { service: 'health-code-appeals' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACTED_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]), censor: '[redacted]' },
    serializers: { err: serializeError, error: serializeError },
    hooks: {
      logMethod(args, method) {
        const cleaned = args.map((arg) => (typeof arg === 'string' ? redactText(arg) : arg));
        method.apply(this, cleaned as Parameters<typeof method>);
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

export const logger = createLogger();

/** A child logger naming the part of the app that writes (`{ scope: 'admin' }`). */
export function scopedLogger(scope: string): pino.Logger {
  return logger.child({ scope });
}
