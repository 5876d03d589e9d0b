// Replays the demo case scripts through the real use cases, each step with its own instant as the clock. The provinces
// replay side by side, each on its own clock: a province's steps run in time order (so its audit chain is in time
// order), and its deadline sweep runs on the 5-minute beat where a case's at-risk time, deadline or second-review
// window gives it work.
import type { PrismaClient } from '@/lib/db/client';
import type { Case } from '@/lib/db/generated/client';
import type { Actor } from '@/lib/auth/actor';
import { CLOCK_RUNNING_STATES } from '@/lib/cases/rules/transitions';
import { decideCase } from '@/lib/cases/use-cases/decide-case';
import { decideSecondReview } from '@/lib/cases/use-cases/decide-second-review';
import { releaseCase } from '@/lib/cases/use-cases/release-case';
import { replyToRequest } from '@/lib/cases/use-cases/reply-to-request';
import { requestInformation } from '@/lib/cases/use-cases/request-information';
import { requestSecondReview } from '@/lib/cases/use-cases/request-second-review';
import { startReview } from '@/lib/cases/use-cases/start-review';
import { startSecondReview } from '@/lib/cases/use-cases/start-second-review';
import { submitAppeal } from '@/lib/cases/use-cases/submit-appeal';
import { sweepDeadlines } from '@/lib/cases/use-cases/sweep-deadlines';
import { withdrawCase } from '@/lib/cases/use-cases/withdraw-case';
import { confirmCorrection } from '@/lib/integration/confirm-correction';
import { findLatestCorrectionOrder } from '@/lib/integration/correction-orders';
import { targetColourOf } from '@/lib/integration/outbox-payloads';
import type { DemoCaseScript, DemoStep } from './demo-cases';

const SWEEP_INTERVAL_MS = 5 * 60_000;

/** One entry of the merged timeline: a case's filing (step null) or one of its later steps. */
interface Entry {
  at: Date;
  script: DemoCaseScript;
  order: number;
  step: DemoStep | null;
}

/** The sweep's beat: the first run at or after `instant`. */
function sweepAfter(instant: number): number {
  return Math.ceil(instant / SWEEP_INTERVAL_MS) * SWEEP_INTERVAL_MS;
}

/**
 * The instants the sweep has work, each case's from its latest row (a step that changes the case replaces them), run
 * in time order and never after "now".
 */
class SweepSchedule {
  private readonly byCase = new Map<string, number[]>();
  constructor(
    private readonly provinceCode: string,
    readonly now: Date,
  ) {}

  /** Where a case's row, just changed at `at`, gives the sweep work: a mark, an escalation or a close. */
  watch(c: Case, at: Date): void {
    const instants: number[] = [];
    const add = (instant: number): void => {
      const run = sweepAfter(Math.max(instant, at.getTime()));
      if (run <= this.now.getTime()) instants.push(run);
    };
    if (CLOCK_RUNNING_STATES.includes(c.state)) {
      if (!c.atRiskMarkedAt) add(c.atRiskAt.getTime());
      if (!c.overdueMarkedAt) add(c.dueAt.getTime() + 1);
    }
    if (c.state === 'AWAITING_CITIZEN' && c.pausedSince && c.dueAt < c.pausedSince && !c.overdueMarkedAt)
      add(c.dueAt.getTime() + 1);
    if (c.state === 'DECIDED' && c.secondReviewDeadlineAt) add(c.secondReviewDeadlineAt.getTime() + 1);
    this.byCase.set(c.id, instants);
  }

  /** Runs every sweep due at or before `until`. */
  async runUntil(until: Date): Promise<void> {
    for (;;) {
      const next = Math.min(...[...this.byCase.values()].flat());
      if (!Number.isFinite(next) || next > until.getTime()) return;
      for (const [id, instants] of this.byCase)
        this.byCase.set(
          id,
          instants.filter((instant) => instant > next),
        );
      await sweepDeadlines(new Date(next), this.provinceCode);
    }
  }
}

/**
 * Replays the provinces side by side; returns how many audit events their chains hold then. `after` runs for one
 * province once its replay is done (while the others go on): later history of that province, such as the demo's
 * mass incident filed at the real time.
 */
export async function replayDemoCases(
  prisma: PrismaClient,
  scripts: DemoCaseScript[],
  now: Date,
  after: { provinceCode: string; run: () => Promise<unknown> } | null = null,
): Promise<number> {
  const provinces = [...new Set(scripts.map((script) => script.provinceCode))];
  const events = await Promise.all(
    provinces.map(async (provinceCode) => {
      const own = scripts.filter((script) => script.provinceCode === provinceCode);
      await replayProvince(prisma, own, new SweepSchedule(provinceCode, now));
      const count = await prisma.auditEvent.count({ where: { chain: provinceCode } });
      if (after?.provinceCode === provinceCode) await after.run();
      return count;
    }),
  );
  return events.reduce((sum, count) => sum + count, 0);
}

async function replayProvince(prisma: PrismaClient, scripts: DemoCaseScript[], sweeps: SweepSchedule): Promise<void> {
  const entries: Entry[] = scripts.flatMap((script) => [
    { at: script.filedAt, script, order: 0, step: null },
    ...script.steps.map(({ at, step }, index) => ({ at, script, order: index + 1, step })),
  ]);
  entries.sort((a, b) => a.at.getTime() - b.at.getTime() || a.script.index - b.script.index || a.order - b.order);
  // Each case as its last step left it (the sweep only marks a case, or closes one that has no step left).
  const cases = new Map<number, Case>();
  for (const entry of entries) {
    await sweeps.runUntil(entry.at);
    const { script, step, at } = entry;
    const current = cases.get(script.index);
    let changed: Case | null;
    if (!step) changed = (await submitAppeal(script.citizen, script.filing, [], at)).case;
    else if (current) changed = await runStep(prisma, script, current, step, at);
    else throw new Error(`demo case ${script.index}: a step before its filing`);
    if (changed) {
      cases.set(script.index, changed);
      sweeps.watch(changed, at);
    }
  }
  await sweeps.runUntil(sweeps.now);
}

/** The reviewer holding the case (routing chose them at filing). */
function holder(current: Case): Actor {
  if (!current.assigneeId) throw new Error(`demo case ${current.reference}: nobody holds it`);
  return { id: current.assigneeId, role: 'REVIEWER', provinceCode: current.provinceCode };
}

async function runStep(
  prisma: PrismaClient,
  script: DemoCaseScript,
  current: Case,
  step: DemoStep,
  at: Date,
): Promise<Case | null> {
  const target = { caseId: current.id, expectedVersion: current.version };
  switch (step.kind) {
    case 'release':
      return (await releaseCase(holder(current), { ...target, reason: step.reason }, at)).case;
    case 'startReview':
      return (await startReview(holder(current), target, at)).case;
    case 'requestInformation':
      return (await requestInformation(holder(current), { ...target, message: step.message }, at)).case;
    case 'reply':
      return (await replyToRequest(script.citizen, { ...target, replyText: step.replyText }, [], at)).case;
    case 'withdraw':
      return (await withdrawCase(script.citizen, { ...target, reason: step.reason }, at)).case;
    case 'decide':
      return (await decideCase(holder(current), { ...target, ...step.finding }, at)).case;
    case 'requestSecondReview':
      return (await requestSecondReview(script.citizen, { ...target, reason: step.reason }, at)).case;
    case 'startSecondReview':
      return (await startSecondReview(step.supervisor, target, at)).case;
    case 'decideSecondReview':
      return (await decideSecondReview(step.supervisor, { ...target, ...step.finding }, at)).case;
    case 'confirmCorrection': {
      const order = await findLatestCorrectionOrder(prisma, current.id);
      const colour = order ? targetColourOf(order) : null;
      if (!order || !colour) throw new Error(`demo case ${current.reference}: no correction order to confirm`);
      // The province system that received the order confirms it through the integration API.
      const client = {
        apiKeyId: '',
        keyId: `demo-${order.provinceCode}`,
        provinceCode: order.provinceCode,
        rateLimitPerMinute: 0,
      };
      await confirmCorrection(client, order.id, { colour, appliedAt: at.toISOString() }, at);
      return null;
    }
  }
}
