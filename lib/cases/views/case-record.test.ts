// The one case record every case screen projects: loaded once through the caller's scope (another province's or
// another citizen's case is not found, by id or by reference), with its decisions, questions, evidence, catalogue,
// history and division names; and each role's projection of the same case agrees with the record.
import { beforeEach, describe, expect, it } from 'vitest';
import { createUser, validFiling, type TestUser } from '@/test/support/fixtures';
import { anhuiCaseCast, fileAndAsk, fileAndDecide } from '@/test/support/case-walks';
import { requestSecondReview } from '@/lib/cases/use-cases/request-second-review';
import { getSupervisedCase } from '@/lib/supervision/case-detail';
import { getSecondReviewCase } from '@/lib/supervision/second-review';
import { CaseNotFoundError } from '@/lib/core/errors';
import { caseOrigin, loadCaseRecord, recordDivisionNames, ruleNameOf, ruleOf } from './case-record';
import { getCitizenCase, getCitizenDecisions } from './citizen-queries';
import { getStaffCaseView } from './staff-case-view';

let citizen: TestUser;
let reviewer: TestUser;
let supervisor: TestUser;

beforeEach(async () => {
  ({ citizen, reviewer, supervisor } = await anhuiCaseCast());
});

/** A case filed in Anhui, decided by its reviewer (upheld), and sent to second-level review by the citizen. */
async function decidedAndRequested() {
  const decided = await fileAndDecide(citizen, reviewer, { outcome: 'UPHELD', ruleCode: 'CLOSE_CONTACT' });
  const { case: requested } = await requestSecondReview(citizen, {
    caseId: decided.id,
    reason: '我当天不在合肥，请求复核。',
  });
  return requested;
}

describe('loadCaseRecord', () => {
  it('loads the case once with its decisions, catalogue, history and the names of its divisions', async () => {
    const requested = await decidedAndRequested();
    const record = await loadCaseRecord(reviewer, { id: requested.id }, { history: true });
    expect(record).not.toBeNull();
    expect(record!.case).toMatchObject({ reference: requested.reference, state: 'SECOND_REVIEW_REQUESTED' });
    expect(record!.first).toMatchObject({ level: 'FIRST', outcome: 'UPHELD', ruleCode: 'CLOSE_CONTACT' });
    expect(record!.second).toBeNull();
    expect(record!.case.decisions.map((decision) => decision.level)).toEqual(['FIRST']);
    expect(record!.events.map((event) => event.action)).toEqual([
      'CASE_FILED',
      'CASE_ASSIGNED',
      'REVIEW_STARTED',
      'CASE_DECIDED',
      'SECOND_REVIEW_REQUESTED',
    ]);
    expect(ruleOf(record!, 'CLOSE_CONTACT')).toMatchObject({ code: 'CLOSE_CONTACT', nameZh: expect.any(String) });
    expect(ruleOf(record!, 'NO_SUCH_RULE')).toBeNull();
    expect(ruleNameOf(record!, 'CLOSE_CONTACT')).toEqual({
      zh: ruleOf(record!, 'CLOSE_CONTACT')!.nameZh,
      en: ruleOf(record!, 'CLOSE_CONTACT')!.nameEn,
    });
    const names = await recordDivisionNames(record!);
    expect(caseOrigin(record!, names)).toEqual({
      issuingProvinceName: '安徽省',
      issuingUnitName: '合肥市',
      refusingProvinceName: null,
    });
    // Without `history` the events are not read.
    expect((await loadCaseRecord(reviewer, { id: requested.id }))!.events).toEqual([]);
  });

  it('finds the case by reference as by id, and narrows the scope further when asked', async () => {
    const requested = await decidedAndRequested();
    const byReference = await loadCaseRecord(supervisor, { reference: requested.reference });
    expect(byReference?.case.id).toBe(requested.id);
    expect(await loadCaseRecord(supervisor, { reference: requested.reference }, { where: { state: 'FINAL' } })).toBe(
      null,
    );
  });

  it("answers not found for another province's staff, another citizen, an administrator and a malformed id", async () => {
    const requested = await decidedAndRequested();
    const outsiders = [
      await createUser('REVIEWER', { provinceCode: '41', unitCode: '410100' }),
      await createUser('SUPERVISOR', { provinceCode: '41' }),
      await createUser('CITIZEN'),
      await createUser('ADMIN'),
    ];
    for (const outsider of outsiders) {
      expect(await loadCaseRecord(outsider, { id: requested.id })).toBeNull();
      expect(await loadCaseRecord(outsider, { reference: requested.reference })).toBeNull();
    }
    expect(await loadCaseRecord(reviewer, { id: 'not-a-uuid' })).toBeNull();
    // The projections say the same: null for the pages, CaseNotFoundError for the supervisor's screens.
    const [reviewer41, supervisor41, otherCitizen] = outsiders;
    expect(await getStaffCaseView(reviewer41!, requested.id)).toBeNull();
    expect(await getCitizenCase(otherCitizen!, requested.id)).toBeNull();
    expect(await getCitizenDecisions(otherCitizen!, requested.id)).toBeNull();
    await expect(getSupervisedCase(supervisor41!, requested.reference)).rejects.toBeInstanceOf(CaseNotFoundError);
    await expect(getSecondReviewCase(supervisor41!, requested.reference)).rejects.toBeInstanceOf(CaseNotFoundError);
    // A national supervisor sees every province.
    const national = await createUser('SUPERVISOR', { provinceCode: null });
    expect((await loadCaseRecord(national, { reference: requested.reference }))?.case.id).toBe(requested.id);
  });
});

describe('the projections of one record', () => {
  it('agree with each other and show each role only its part', async () => {
    const filed = await fileAndAsk(citizen, reviewer);
    const record = (await loadCaseRecord(reviewer, { id: filed.id }, { history: true }))!;

    const staff = (await getStaffCaseView(reviewer, filed.id))!;
    expect(staff).toMatchObject({
      reference: record.case.reference,
      version: record.case.version,
      state: 'AWAITING_CITIZEN',
      issuingUnit: { code: '340100', name: '合肥市' },
      informationRequests: [
        { message: '请上传当日的核酸检测阴性报告。', requestedBy: expect.stringMatching(/^reviewer-/) },
      ],
    });
    expect(staff.history.map((entry) => entry.action)).toEqual(record.events.map((event) => event.action));
    expect(staff.rules).toEqual(record.rules);

    const supervised = await getSupervisedCase(supervisor, record.case.reference);
    expect(supervised).toMatchObject({
      id: record.case.id,
      version: record.case.version,
      provinceName: '安徽省',
      issuingProvinceName: '安徽省',
      issuingUnitName: '合肥市',
      assigneeId: reviewer.id,
      decisions: [],
    });
    expect(supervised.history.map((event) => event.action)).toEqual(record.events.map((event) => event.action));
    // No personal data on the supervisor's page.
    expect(JSON.stringify(supervised)).not.toContain(validFiling().applicantName);

    const own = (await getCitizenCase(citizen, filed.id))!;
    expect(own).toMatchObject({
      reference: record.case.reference,
      issuingUnitName: '合肥市',
      openRequestId: expect.any(String),
    });
    expect(own.timeline.map((entry) => entry.kind)).toEqual([
      'FILED',
      'ASSIGNED',
      'REVIEW_STARTED',
      'INFORMATION_REQUESTED',
    ]);
    // The citizen's questions carry no staff ids or names.
    expect(Object.keys(own.requests[0]!).sort()).toEqual(
      ['id', 'message', 'replyDueAt', 'repliedAt', 'replyText', 'requestedAt'].sort(),
    );
    expect(JSON.stringify(own)).not.toContain(reviewer.id);

    // Not in second-level review: that screen does not know the case.
    await expect(getSecondReviewCase(supervisor, record.case.reference)).rejects.toBeInstanceOf(CaseNotFoundError);
  });

  it('gives the second-level review its first decision and the citizen the decision page', async () => {
    const requested = await decidedAndRequested();
    const review = await getSecondReviewCase(supervisor, requested.reference);
    expect(review).toMatchObject({
      reference: requested.reference,
      state: 'SECOND_REVIEW_REQUESTED',
      requestReason: '我当天不在合肥，请求复核。',
      firstDecision: {
        outcome: 'UPHELD',
        ruleCode: 'CLOSE_CONTACT',
        decidedByName: expect.stringMatching(/^reviewer-/),
      },
      secondDecision: null,
      actions: { start: true, decide: false },
    });
    expect(review.firstDecision.ruleName).toEqual({ zh: expect.any(String), en: expect.any(String) });
    const decisions = (await getCitizenDecisions(citizen, requested.id))!;
    expect(decisions.decisions).toMatchObject([{ level: 'FIRST', outcome: 'UPHELD', rule: { code: 'CLOSE_CONTACT' } }]);
    expect(decisions.secondReviewRequestedAt).toBeInstanceOf(Date);
    // The supervisor's case page shows the same decision.
    expect((await getSupervisedCase(supervisor, requested.reference)).decisions).toHaveLength(1);
  });
});
