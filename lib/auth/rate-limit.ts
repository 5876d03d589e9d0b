// Rate limits of sign-in (SPEC §11), counted in PostgreSQL (table rate_limit) so every app instance shares them (§14).
// Per-IP limits can be raised by configuration: many citizens may share one address behind carrier NAT.
import 'server-only';
import pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { scopedLogger } from '@/lib/security/logger';

export type RateLimitRule =
  | 'codeRequestPerNumberMinute'
  | 'codeRequestPerNumberHour'
  | 'codeRequestPerIp'
  | 'codeFailurePerIp'
  | 'staffFailurePerIp';

interface RuleConfig {
  points: number;
  durationSeconds: number;
}

function configured(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

function ruleConfig(rule: RateLimitRule): RuleConfig {
  switch (rule) {
    case 'codeRequestPerNumberMinute':
      return { points: 1, durationSeconds: 60 };
    case 'codeRequestPerNumberHour':
      return { points: 5, durationSeconds: 3600 };
    case 'codeRequestPerIp':
      return { points: configured('RATE_LIMIT_CODE_REQUESTS_PER_IP_HOUR', 20), durationSeconds: 3600 };
    case 'codeFailurePerIp':
      return { points: configured('RATE_LIMIT_CODE_FAILURES_PER_IP_HOUR', 50), durationSeconds: 3600 };
    case 'staffFailurePerIp':
      return { points: configured('RATE_LIMIT_STAFF_FAILURES_PER_IP_15MIN', 20), durationSeconds: 900 };
  }
}

interface LimiterState {
  url: string;
  pool: pg.Pool;
  limiters: Map<RateLimitRule, RateLimiterPostgres>;
}

const globalForLimits = globalThis as unknown as { signInRateLimits?: LimiterState };

function limiterFor(rule: RateLimitRule): RateLimiterPostgres {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  let state = globalForLimits.signInRateLimits;
  if (!state || state.url !== url) {
    void state?.pool.end();
    const pool = new pg.Pool({ connectionString: url, max: 3 });
    // An idle connection dropped by the server (restart, shutdown) must not crash the process; the next query reconnects.
    pool.on('error', (error) => scopedLogger('rate-limit').warn({ err: error }, 'idle database connection lost'));
    state = { url, pool, limiters: new Map() };
    globalForLimits.signInRateLimits = state;
  }
  let limiter = state.limiters.get(rule);
  if (!limiter) {
    const { points, durationSeconds } = ruleConfig(rule);
    limiter = new RateLimiterPostgres({
      storeClient: state.pool,
      storeType: 'pool',
      tableName: 'rate_limit',
      tableCreated: true,
      clearExpiredByTimeout: rule === 'codeRequestPerIp',
      keyPrefix: rule,
      points,
      duration: durationSeconds,
    });
    state.limiters.set(rule, limiter);
  }
  return limiter;
}

export type RateLimitOutcome = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimitCheck {
  rule: RateLimitRule;
  key: string;
}

function refusal(result: RateLimiterRes): RateLimitOutcome {
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(result.msBeforeNext / 1000)) };
}

/** Counts one event against each check in turn; stops at the first refusal, so a refused request uses no further budget. */
export async function consumeRateLimits(checks: RateLimitCheck[]): Promise<RateLimitOutcome> {
  for (const { rule, key } of checks) {
    try {
      await limiterFor(rule).consume(key);
    } catch (error) {
      if (error instanceof RateLimiterRes) return refusal(error);
      throw error;
    }
  }
  return { allowed: true };
}

/** Whether a key has already used its budget, without counting anything (for limits that count failures only). */
export async function checkRateLimit({ rule, key }: RateLimitCheck): Promise<RateLimitOutcome> {
  const limiter = limiterFor(rule);
  const current = await limiter.get(key);
  if (current && current.consumedPoints >= ruleConfig(rule).points) return refusal(current);
  return { allowed: true };
}

/** Records one failure against a failures-only limit. */
export async function recordRateLimitFailure({ rule, key }: RateLimitCheck): Promise<void> {
  try {
    await limiterFor(rule).consume(key);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
  }
}

/** Closes the limiters' connection pool (tests and scripts). */
export async function closeRateLimits(): Promise<void> {
  const state = globalForLimits.signInRateLimits;
  globalForLimits.signInRateLimits = undefined;
  await state?.pool.end();
}
