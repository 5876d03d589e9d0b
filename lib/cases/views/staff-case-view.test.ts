// The case screen's read: in scope it shows what a reviewer needs (masked ID only, history in order, the actions the
// viewer may take now); outside the viewer's province, or for a non-staff role, there is no case at all.
import { beforeEach, describe, expect, it } from 'vitest';
import { createUser, validFiling, type TestUser } from '@/test/support/fixtures';
import { fileAndAsk, anhuiCaseCast } from '@/test/support/case-walks';
import { getStaffCaseView } from './staff-case-view';
import { submitAppeal } from '@/lib/cases/use-cases/submit-appeal';
import { claimCase } from '@/lib/cases/use-cases/claim-case';
import { releaseCase } from '@/lib/cases/use-cases/release-case';

let citizen: TestUser;
let reviewer: TestUser;

beforeEach(async () => {
  ({ citizen, reviewer } = await anhuiCaseCast());
});

describe('getStaffCaseView', () => {
  it('shows the case to its reviewer with the masked ID, the catalogue of the case and the history', async () => {
    const { case: filed } = await submitAppeal(citizen, validFiling());
    const view = await getStaffCaseView(reviewer, filed.id);
    expect(view).toMatchObject({
      reference: filed.reference,
      state: 'ASSIGNED',
      assignedToViewer: true,
      idNumberMasked: expect.stringMatching(/^\d{4}\*{10}\d{3}[\dX]$/),
      issuingUnit: { code: '340100', name: '合肥市' },
      statedReason: { code: 'SPATIOTEMPORAL_COMPANION' },
      codeAssignment: null,
      actions: {
        claim: false,
        startReview: true,
        requestInformation: false,
        decide: false,
        transfer: true,
        release: true,
        revealIdentity: true,
      },
    });
    expect(JSON.stringify(view)).not.toContain(validFiling().idNumber);
    expect(view!.rules.map((rule) => rule.code)).toContain('NON_EPIDEMIC');
    expect(view!.history.map((entry) => entry.action)).toEqual(['CASE_FILED', 'CASE_ASSIGNED']);
    expect(view!.history[1]).toMatchObject({
      fromState: 'SUBMITTED',
      toState: 'ASSIGNED',
      assigneeName: expect.any(String),
    });
    expect(view!.history[0]!.actorName).toBeNull();
    expect(view!.deadline.explanation.zh).toContain('24 小时');
    expect(view!.transferProvinces.some((province) => province.code === '34')).toBe(false);
    expect(view!.transferProvinces).toHaveLength(30);
  });

  it('pauses the clock while awaiting the citizen and opens deciding only when the reply window closes', async () => {
    const filed = await fileAndAsk(citizen, reviewer);
    const view = await getStaffCaseView(reviewer, filed.id);
    expect(view).toMatchObject({
      state: 'AWAITING_CITIZEN',
      deadline: { status: 'PAUSED' },
      actions: { decide: false, requestInformation: false },
    });
    expect(view!.actions.decideOpensAt).toEqual(view!.informationRequests[0]!.replyDueAt);
    const later = await getStaffCaseView(reviewer, filed.id, new Date(Date.now() + 73 * 3600 * 1000));
    expect(later!.actions).toMatchObject({ decide: true, decideOpensAt: null });
  });

  it('offers a pooled case for claiming, and to nobody outside the province', async () => {
    const { case: filed } = await submitAppeal(citizen, validFiling());
    await releaseCase(reviewer, { caseId: filed.id, expectedVersion: filed.version });
    const colleague = await createUser('REVIEWER', { provinceCode: '34', unitCode: '340300' });
    const pooled = await getStaffCaseView(colleague, filed.id);
    expect(pooled).toMatchObject({
      state: 'SUBMITTED',
      assignee: null,
      actions: { claim: true, startReview: false, revealIdentity: false },
    });
    await claimCase(colleague, { caseId: filed.id, expectedVersion: pooled!.version });
    expect((await getStaffCaseView(reviewer, filed.id))!.actions).toMatchObject({
      claim: false,
      startReview: false,
      revealIdentity: false,
    });

    const outsider = await createUser('REVIEWER', { provinceCode: '41', unitCode: '410100' });
    expect(await getStaffCaseView(outsider, filed.id)).toBeNull();
    expect(await getStaffCaseView(await createUser('SUPERVISOR', { provinceCode: '41' }), filed.id)).toBeNull();
    expect(await getStaffCaseView(await createUser('ADMIN'), filed.id)).toBeNull();
    expect(await getStaffCaseView(citizen, filed.id)).toBeNull();
    expect(await getStaffCaseView(reviewer, 'not-a-uuid')).toBeNull();
    expect(await getStaffCaseView(await createUser('SUPERVISOR', { provinceCode: '34' }), filed.id)).not.toBeNull();
  });
});
