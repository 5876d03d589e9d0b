// The people of an Anhui case, and cases walked through the use cases to the point a view test starts from: awaiting
// the citizen's answer to a question, or decided by the reviewer holding it.
import type { Actor } from '@/lib/auth/actor';
import { decideCase } from '@/lib/cases/use-cases/decide-case';
import { requestInformation } from '@/lib/cases/use-cases/request-information';
import { startReview } from '@/lib/cases/use-cases/start-review';
import { submitAppeal } from '@/lib/cases/use-cases/submit-appeal';
import type { DecisionOutcome } from '@/lib/db/generated/enums';
import { resetCaseData } from './db';
import { createUser, validFiling, type TestUser } from './fixtures';

/** A clean case database and the people of an Anhui case: its citizen, a reviewer of Wuhu and a provincial supervisor. */
export async function anhuiCaseCast(): Promise<{ citizen: TestUser; reviewer: TestUser; supervisor: TestUser }> {
  await resetCaseData();
  return {
    citizen: await createUser('CITIZEN'),
    reviewer: await createUser('REVIEWER', { provinceCode: '34', unitCode: '340200' }),
    supervisor: await createUser('SUPERVISOR', { provinceCode: '34' }),
  };
}

/** Written reasons long enough for any decision. */
export const DECISION_REASONS = '经核查，申诉人提供的考勤记录与行程卡显示其当日不在风险区域，原赋码依据不足。';

export async function fileAndDecide(
  citizen: Actor,
  reviewer: Actor,
  decision: { outcome: DecisionOutcome; ruleCode: string },
) {
  const { case: filed } = await submitAppeal(citizen, validFiling());
  const { case: started } = await startReview(reviewer, { caseId: filed.id, expectedVersion: filed.version });
  const { case: decided } = await decideCase(reviewer, {
    caseId: started.id,
    expectedVersion: started.version,
    ...decision,
    reasons: DECISION_REASONS,
  });
  return decided;
}

/** Filed, review started, and a question sent to the citizen (the case awaits the citizen, its clock paused). */
export async function fileAndAsk(citizen: Actor, reviewer: Actor, message = '请上传当日的核酸检测阴性报告。') {
  const { case: filed } = await submitAppeal(citizen, validFiling());
  const { case: started } = await startReview(reviewer, { caseId: filed.id, expectedVersion: filed.version });
  return (await requestInformation(reviewer, { caseId: started.id, expectedVersion: started.version, message })).case;
}
