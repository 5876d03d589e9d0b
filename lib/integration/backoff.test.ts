// Retry schedule: doubles per attempt from the base, never above the cap, jittered within [half, full] of the step.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelayMs, DEFAULT_BACKOFF } from './backoff';

describe('backoffDelayMs', () => {
  it('doubles from 10 s and stops at one hour (without jitter at its top)', () => {
    const top = () => 1 - Number.EPSILON;
    expect([1, 2, 3, 4].map((n) => backoffDelayMs(n, DEFAULT_BACKOFF, top))).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(backoffDelayMs(20, DEFAULT_BACKOFF, top)).toBe(3_600_000);
    expect(backoffDelayMs(10_000, DEFAULT_BACKOFF, top)).toBe(3_600_000);
  });

  it('always lies between half and all of the capped step', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempts, baseMs, capMs, r) => {
          const step = Math.min(capMs, baseMs * 2 ** Math.min(attempts - 1, 30));
          const delay = backoffDelayMs(attempts, { baseMs, capMs }, () => r);
          expect(delay).toBeGreaterThanOrEqual(Math.floor(step / 2));
          expect(delay).toBeLessThanOrEqual(Math.ceil(step));
        },
      ),
    );
  });
});
