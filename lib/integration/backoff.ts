// Retry schedule of webhook deliveries: exponential (base · 2^(attempt-1)), capped, with "equal jitter" so retries
// of many events after an outage spread out instead of arriving together.

export interface BackoffOptions {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 10_000, capMs: 60 * 60 * 1000 };

/** Delay before the next try after `attempts` failed attempts (1 = the first failure); `random` in [0, 1). */
export function backoffDelayMs(
  attempts: number,
  options: BackoffOptions = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(attempts, 1) - 1, 30);
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** exponent);
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
