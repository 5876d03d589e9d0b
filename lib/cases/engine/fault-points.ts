// Named points inside use-case transactions where tests inject a failure, to prove that nothing is half-written.
// Outside tests (NODE_ENV !== 'test') no fault can be set.
const faults = new Map<string, () => void | Promise<void>>();

export type FaultPoint = 'after-case-write';

export function setFaultPoint(point: FaultPoint, fault: (() => void | Promise<void>) | null): void {
  if (process.env.NODE_ENV !== 'test') throw new Error('Fault points are for tests only');
  if (fault) faults.set(point, fault);
  else faults.delete(point);
}

export async function runFaultPoint(point: FaultPoint): Promise<void> {
  await faults.get(point)?.();
}
