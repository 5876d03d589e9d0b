// Checking a case's status without an account (SPEC §11): the reference number, then a one-time code sent to the
// phone number on the case. The answers never tell whether a reference exists: an unknown reference is answered like
// a known one ("if it is right, a code was sent"; "the code is wrong or expired") and spends the same per-IP budget.
import 'server-only';
import { checkOneTimeCode, requestOneTimeCode } from '@/lib/auth/otp';
import { checkRateLimit, consumeRateLimits, recordRateLimitFailure } from '@/lib/auth/rate-limit';
import { prisma } from '@/lib/db/client';
import type { CaseState, CaseType, DecisionLevel, DecisionOutcome } from '@/lib/db/generated/enums';
import { OPEN_STATES } from '@/lib/cases/rules/transitions';
import { parseReference } from '@/lib/cases/rules/reference';
import { readDeadlineInputs } from '@/lib/cases/rules/deadlines';
import { isProvisionalDeadline } from '@/lib/cases/rules/provisional-calendar';

export type StatusCodeRequestOutcome = { ok: true } | { ok: false; error: 'rate_limited'; retryAfterSeconds: number };

export type StatusCheckOutcome =
  | { ok: true; status: PublicCaseStatus }
  | { ok: false; error: 'code_invalid' }
  | { ok: false; error: 'rate_limited'; retryAfterSeconds: number };

/** What anyone holding the reference and the phone may see: no name, ID number, place, reasons or files. */
export interface PublicCaseStatus {
  reference: string;
  type: CaseType;
  state: CaseState;
  filedAt: Date;
  /** The deadline of the stage under way; null once nothing is pending, and while the clock is paused (it will move). */
  dueAt: Date | null;
  /** Waiting for the applicant's answer: the clock is stopped. */
  paused: boolean;
  /** Counted through a year with no published working-day calendar: may still move (SPEC §18). */
  provisional: boolean;
  /** The decision in force (a second-level decision supersedes the first). */
  decision: { level: DecisionLevel; outcome: DecisionOutcome; decidedAt: Date } | null;
  /** The correction order to the issuing province's system (SPEC §5): when it was sent and confirmed; null if none. */
  correction: { sentAt: Date | null; confirmedAt: Date | null } | null;
}

async function findCaseForStatus(
  reference: string,
): Promise<{ id: string; provinceCode: string; reference: string; mobile: string } | null> {
  const normalised = reference.trim().toUpperCase();
  if (!parseReference(normalised)) return null;
  // By reference alone: a transferred case keeps the reference (and the province code in it) it was filed with.
  const found = await prisma.case.findFirst({
    where: { reference: normalised },
    select: { id: true, provinceCode: true, reference: true, mobile: true },
  });
  // A case whose personal data was erased has no phone to send to: answered like an unknown reference.
  return found?.mobile
    ? { id: found.id, provinceCode: found.provinceCode, reference: found.reference, mobile: found.mobile }
    : null;
}

function refused(retryAfterSeconds: number): { ok: false; error: 'rate_limited'; retryAfterSeconds: number } {
  return { ok: false, error: 'rate_limited', retryAfterSeconds };
}

export async function requestStatusCode(input: { reference: string; ip: string }): Promise<StatusCodeRequestOutcome> {
  const found = await findCaseForStatus(input.reference);
  if (!found) {
    // An unknown reference is limited as a phone number would be (per minute and hour, keyed by the reference), so a
    // refusal with its time to wait does not show whether the reference exists.
    const key = `ref:${input.reference.trim().toUpperCase()}`;
    const limit = await consumeRateLimits([
      { rule: 'codeRequestPerIp', key: input.ip },
      { rule: 'codeRequestPerNumberMinute', key },
      { rule: 'codeRequestPerNumberHour', key },
    ]);
    return limit.allowed ? { ok: true } : refused(limit.retryAfterSeconds);
  }
  const ipLimit = await checkRateLimit({ rule: 'codeRequestPerIp', key: input.ip });
  if (!ipLimit.allowed) return refused(ipLimit.retryAfterSeconds);
  const sent = await requestOneTimeCode({
    purpose: 'CASE_STATUS',
    mobile: found.mobile,
    caseId: found.id,
    ip: input.ip,
    kind: 'STATUS_CODE',
    params: { reference: found.reference },
  });
  // Never "sent" when the limit stopped the SMS: the citizen is told when to try again.
  if (!sent.ok) return refused(sent.error === 'rate_limited' ? sent.retryAfterSeconds : 60);
  return { ok: true };
}

export async function checkStatusCode(input: {
  reference: string;
  code: string;
  ip: string;
}): Promise<StatusCheckOutcome> {
  const found = await findCaseForStatus(input.reference);
  if (!found) {
    const limit = await checkRateLimit({ rule: 'codeFailurePerIp', key: input.ip });
    if (!limit.allowed) return refused(limit.retryAfterSeconds);
    await recordRateLimitFailure({ rule: 'codeFailurePerIp', key: input.ip });
    return { ok: false, error: 'code_invalid' };
  }
  const result = await checkOneTimeCode({
    purpose: 'CASE_STATUS',
    mobile: found.mobile,
    code: input.code,
    caseId: found.id,
    ip: input.ip,
  });
  if (result.ok) return { ok: true, status: await loadPublicStatus(found.provinceCode, found.id) };
  if (result.error === 'rate_limited') return refused(result.retryAfterSeconds);
  return { ok: false, error: 'code_invalid' };
}

async function loadPublicStatus(provinceCode: string, caseId: string): Promise<PublicCaseStatus> {
  const row = await prisma.case.findUniqueOrThrow({
    where: { provinceCode_id: { provinceCode, id: caseId } },
    select: {
      reference: true,
      type: true,
      state: true,
      filedAt: true,
      dueAt: true,
      pausedSince: true,
      deadlineInputs: true,
      decisions: { orderBy: { level: 'desc' }, take: 1, select: { level: true, outcome: true, decidedAt: true } },
      correctionSentAt: true,
      correctionConfirmedAt: true,
    },
  });
  const pending = OPEN_STATES.includes(row.state);
  const paused = pending && row.pausedSince !== null;
  return {
    reference: row.reference,
    type: row.type,
    state: row.state,
    filedAt: row.filedAt,
    dueAt: pending && !paused ? row.dueAt : null,
    paused,
    provisional: pending && isProvisionalDeadline(readDeadlineInputs(row.deadlineInputs)),
    decision: row.decisions[0] ?? null,
    correction:
      row.correctionSentAt || row.correctionConfirmedAt
        ? { sentAt: row.correctionSentAt, confirmedAt: row.correctionConfirmedAt }
        : null,
  };
}
