// A screen never offers what the use case refuses, and offers what it accepts: for every state of the lifecycle and
// every person who sees the case (the reviewer holding it, another reviewer of the province, a supervisor, a second
// supervisor, the citizen), each button flag of the staff, supervisor, second-review and citizen views equals whether
// the use case behind it accepts the action on that case at that moment (both go through lib/cases/rules/case-guards).
import { beforeEach, describe, expect, it } from 'vitest';
import type { CaseState } from '@/lib/db/generated/enums';
import { CASE_STATES } from '@/lib/cases/rules/transitions';
import { claimCase } from '@/lib/cases/use-cases/claim-case';
import { closeCase } from '@/lib/cases/use-cases/close-case';
import { decideCase } from '@/lib/cases/use-cases/decide-case';
import { decideSecondReview } from '@/lib/cases/use-cases/decide-second-review';
import { reassignCase } from '@/lib/cases/use-cases/reassign-cases';
import { releaseCase } from '@/lib/cases/use-cases/release-case';
import { requestInformation } from '@/lib/cases/use-cases/request-information';
import { requestSecondReview } from '@/lib/cases/use-cases/request-second-review';
import { revealIdentity } from '@/lib/cases/use-cases/reveal-identity';
import { startReview } from '@/lib/cases/use-cases/start-review';
import { startSecondReview } from '@/lib/cases/use-cases/start-second-review';
import { submitAppeal } from '@/lib/cases/use-cases/submit-appeal';
import { transferCase } from '@/lib/cases/use-cases/transfer-case';
import { withdrawCase } from '@/lib/cases/use-cases/withdraw-case';
import { getSupervisedCase } from '@/lib/supervision/case-detail';
import { getSecondReviewCase } from '@/lib/supervision/second-review';
import { getPrisma } from '@/lib/db/client';
import { resetCaseData } from '@/test/support/db';
import { createUser, validFiling, type TestUser } from '@/test/support/fixtures';
import { getCitizenCase } from './citizen-queries';
import { getStaffCaseView } from './staff-case-view';

const REASONS = '经核查，申诉人提供的考勤记录与行程卡显示其当日不在风险区域，原赋码依据不足。';
const DAY = 24 * 3600 * 1000;

let citizen: TestUser;
let holder: TestUser;
let otherReviewer: TestUser;
let excludedReviewer: TestUser;
let supervisor: TestUser;
let secondSupervisor: TestUser;

beforeEach(async () => {
  await resetCaseData();
  citizen = await createUser('CITIZEN');
  holder = await createUser('REVIEWER', { provinceCode: '34', unitCode: '340200' });
  // Never picked by automatic routing (no capacity), but eligible to claim or be given a case.
  otherReviewer = await createUser('REVIEWER', { provinceCode: '34', unitCode: '340200', capacity: 0 });
  excludedReviewer = await createUser('REVIEWER', { provinceCode: '34', unitCode: '340200', capacity: 0 });
  supervisor = await createUser('SUPERVISOR', { provinceCode: '34' });
  secondSupervisor = await createUser('SUPERVISOR', { provinceCode: '34' });
});

interface Scenario {
  name: string;
  state: CaseState;
  /** Walks a new case there through the use cases; returns the clock at which the case is looked at. */
  build: (caseId: string) => Promise<Date>;
}

const version = async (caseId: string) => (await getPrisma().case.findFirstOrThrow({ where: { id: caseId } })).version;
const act = { caseId: '', expectedVersion: 0 };
const at = async (caseId: string) => ({ ...act, caseId, expectedVersion: await version(caseId) });

async function toInReview(caseId: string) {
  await startReview(holder, await at(caseId));
}
async function toDecided(caseId: string) {
  await toInReview(caseId);
  await decideCase(holder, { ...(await at(caseId)), outcome: 'UPHELD', ruleCode: 'CLOSE_CONTACT', reasons: REASONS });
}
async function toSecondReviewRequested(caseId: string) {
  await toDecided(caseId);
  await requestSecondReview(citizen, { ...(await at(caseId)), reason: '我不同意原决定，请求复核。' });
}
async function toInSecondReview(caseId: string) {
  await toSecondReviewRequested(caseId);
  await startSecondReview(supervisor, await at(caseId));
}

const now = () => new Date();
const SCENARIOS: Scenario[] = [
  {
    name: 'in the pool',
    state: 'SUBMITTED',
    build: async (id) => (await releaseCase(supervisor, await at(id)), now()),
  },
  { name: 'assigned', state: 'ASSIGNED', build: () => Promise.resolve(now()) },
  { name: 'in review', state: 'IN_REVIEW', build: async (id) => (await toInReview(id), now()) },
  {
    name: 'awaiting the citizen, reply window open',
    state: 'AWAITING_CITIZEN',
    build: async (id) => {
      await toInReview(id);
      await requestInformation(holder, { ...(await at(id)), message: '请补充当日的核酸检测报告。' });
      return now();
    },
  },
  {
    name: 'awaiting the citizen, reply window closed',
    state: 'AWAITING_CITIZEN',
    build: async (id) => {
      await toInReview(id);
      await requestInformation(holder, { ...(await at(id)), message: '请补充当日的核酸检测报告。' });
      return new Date(Date.now() + 10 * DAY);
    },
  },
  { name: 'decided', state: 'DECIDED', build: async (id) => (await toDecided(id), now()) },
  {
    name: 'second review requested',
    state: 'SECOND_REVIEW_REQUESTED',
    build: async (id) => (await toSecondReviewRequested(id), now()),
  },
  { name: 'in second review', state: 'IN_SECOND_REVIEW', build: async (id) => (await toInSecondReview(id), now()) },
  {
    name: 'final',
    state: 'FINAL',
    build: async (id) => {
      await toInSecondReview(id);
      await decideSecondReview(supervisor, {
        ...(await at(id)),
        outcome: 'REVOKED',
        ruleCode: 'CLOSE_CONTACT',
        reasons: REASONS,
      });
      return now();
    },
  },
  {
    name: 'closed',
    state: 'CLOSED',
    build: async (id) => {
      await toDecided(id);
      const later = new Date(Date.now() + 30 * DAY);
      await closeCase(supervisor, await at(id), later);
      return later;
    },
  },
  { name: 'withdrawn', state: 'WITHDRAWN', build: async (id) => (await withdrawCase(citizen, await at(id)), now()) },
];

/** Whether the use case accepts the action (it commits), or refuses it. */
async function accepts(run: () => Promise<unknown>): Promise<boolean> {
  try {
    await run();
    return true;
  } catch (error) {
    if (!(error instanceof Error) || !('messageKey' in error)) throw error;
    return false;
  }
}

type Check = (caseId: string, clock: Date) => Promise<{ offered: boolean; accepted: () => Promise<boolean> }>;

const staffFlag =
  (
    viewer: () => TestUser,
    flag: 'claim' | 'startReview' | 'requestInformation' | 'decide' | 'transfer' | 'release' | 'revealIdentity',
    run: (caseId: string, clock: Date) => Promise<unknown>,
  ): Check =>
  async (caseId, clock) => {
    const view = await getStaffCaseView(viewer(), caseId, clock);
    return { offered: view!.actions[flag], accepted: () => accepts(() => run(caseId, clock)) };
  };

const staffChecks = (viewer: () => TestUser): Record<string, Check> => ({
  claim: staffFlag(viewer, 'claim', async (id, clock) => claimCase(viewer(), await at(id), clock)),
  startReview: staffFlag(viewer, 'startReview', async (id, clock) => startReview(viewer(), await at(id), clock)),
  requestInformation: staffFlag(viewer, 'requestInformation', async (id, clock) =>
    requestInformation(viewer(), { ...(await at(id)), message: '请补充行程记录。' }, clock),
  ),
  decide: staffFlag(viewer, 'decide', async (id, clock) =>
    decideCase(viewer(), { ...(await at(id)), outcome: 'UPHELD', ruleCode: 'CLOSE_CONTACT', reasons: REASONS }, clock),
  ),
  transfer: staffFlag(viewer, 'transfer', async (id, clock) =>
    transferCase(
      viewer(),
      { ...(await at(id)), toProvinceCode: '41', reason: '赋码单位实为河南省郑州市，误投本省。' },
      clock,
    ),
  ),
  release: staffFlag(viewer, 'release', async (id, clock) => releaseCase(viewer(), await at(id), clock)),
  revealIdentity: staffFlag(viewer, 'revealIdentity', (id, clock) => revealIdentity(viewer(), { caseId: id }, clock)),
});

const VIEWERS: Record<string, Record<string, Check>> = {
  'the reviewer holding it': staffChecks(() => holder),
  'another reviewer': staffChecks(() => otherReviewer),
  'a reviewer excluded from the case': staffChecks(() => excludedReviewer),
  'a supervisor': {
    ...staffChecks(() => supervisor),
    reassign: async (caseId, clock) => {
      const view = await getSupervisedCase(
        supervisor,
        (await getPrisma().case.findFirstOrThrow({ where: { id: caseId } })).reference,
      );
      return {
        offered: view.canReassign,
        accepted: async () =>
          accepts(async () => reassignCase(supervisor, { ...(await at(caseId)), reviewerId: otherReviewer.id }, clock)),
      };
    },
  },
  'a supervisor on the second-review screen': {
    startSecondReview: secondReviewFlag(() => supervisor, 'start'),
    decideSecondReview: secondReviewFlag(() => supervisor, 'decide'),
  },
  'another supervisor on the second-review screen': {
    startSecondReview: secondReviewFlag(() => secondSupervisor, 'start'),
    decideSecondReview: secondReviewFlag(() => secondSupervisor, 'decide'),
  },
  'the citizen': {
    withdraw: async (caseId, clock) => {
      const view = await getCitizenCase(citizen, caseId, clock);
      return {
        offered: view!.canWithdraw,
        accepted: () => accepts(async () => withdrawCase(citizen, await at(caseId), clock)),
      };
    },
    requestSecondReview: async (caseId, clock) => {
      const view = await getCitizenCase(citizen, caseId, clock);
      return {
        offered: view!.canRequestSecondReview,
        accepted: () =>
          accepts(async () => requestSecondReview(citizen, { ...(await at(caseId)), reason: '请求复核。' }, clock)),
      };
    },
  },
};

function secondReviewFlag(viewer: () => TestUser, flag: 'start' | 'decide'): Check {
  return async (caseId, clock) => {
    const { reference, state } = await getPrisma().case.findFirstOrThrow({ where: { id: caseId } });
    // The screen lists second reviews only (requested, under way, final); any other case is not found there.
    const onScreen = ['SECOND_REVIEW_REQUESTED', 'IN_SECOND_REVIEW', 'FINAL'].includes(state);
    const offered = onScreen ? (await getSecondReviewCase(viewer(), reference)).actions[flag] : false;
    const run =
      flag === 'start'
        ? async () => startSecondReview(viewer(), await at(caseId), clock)
        : async () =>
            decideSecondReview(
              viewer(),
              { ...(await at(caseId)), outcome: 'REVOKED', ruleCode: 'CLOSE_CONTACT', reasons: REASONS },
              clock,
            );
    return { offered, accepted: () => accepts(run) };
  };
}

describe('button flags and use cases', () => {
  it('covers every state of the lifecycle', () => {
    expect(new Set(SCENARIOS.map((scenario) => scenario.state))).toEqual(new Set(CASE_STATES));
  });

  it.each(Object.keys(VIEWERS))(
    'agree for %s, in every state',
    async (viewerName) => {
      const mismatches: string[] = [];
      let offeredSomewhere = 0;
      for (const scenario of SCENARIOS) {
        const fresh = async () => {
          const { case: filed } = await submitAppeal(citizen, validFiling());
          expect(filed.assigneeId).toBe(holder.id);
          await getPrisma().caseExclusion.create({
            data: {
              provinceCode: filed.provinceCode,
              caseId: filed.id,
              reviewerId: excludedReviewer.id,
              reason: '近亲属',
            },
          });
          const clock = await scenario.build(filed.id);
          expect((await getPrisma().case.findFirstOrThrow({ where: { id: filed.id } })).state).toBe(scenario.state);
          return { caseId: filed.id, clock };
        };
        let current = await fresh();
        for (const [action, check] of Object.entries(VIEWERS[viewerName]!)) {
          const { offered, accepted } = await check(current.caseId, current.clock);
          const done = await accepted();
          if (offered) offeredSomewhere += 1;
          // A supervisor releases from their own screen (reassignment); the staff screen offers it to the holder only.
          const narrower = viewerName === 'a supervisor' && action === 'release' && !offered;
          if (offered !== done && !narrower)
            mismatches.push(`${scenario.name}: ${action} offered=${offered} accepted=${done}`);
          // The use case changed the case (or recorded a reveal): the next action starts from a new one.
          if (done) current = await fresh();
        }
      }
      expect(mismatches).toEqual([]);
      // Not a vacuous agreement: each viewer is offered something somewhere, except the one excluded from the case.
      expect(offeredSomewhere > 0).toBe(viewerName !== 'a reviewer excluded from the case');
    },
    240_000,
  );
});
