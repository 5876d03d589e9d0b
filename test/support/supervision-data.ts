// Builders for the supervision tests: cases, decisions and correction orders with exactly known outcomes, written
// straight to the database (the engine's own tests prove how they come about; these tests check the figures).
import { randomUUID } from 'node:crypto';
import { getPrisma } from '@/lib/db/client';
import type { CaseState, CaseType, CodeColour, DecisionOutcome } from '@/lib/db/generated/enums';
import { caseDeadlineFields } from '@/lib/cases/rules/case-row';

const HOUR = 3600_000;
let counter = 0;

export interface TestCaseInput {
  provinceCode: string;
  citizenId: string;
  issuingUnitCode?: string;
  issuingProvinceCode?: string;
  refusingProvinceCode?: string | null;
  type?: CaseType;
  state?: CaseState;
  colour?: CodeColour;
  filedAt?: Date;
  dueAt?: Date;
  atRiskAt?: Date;
  pausedSince?: Date | null;
  assigneeId?: string | null;
  primaFacieOverreach?: boolean;
  secondReviewReason?: string | null;
}

export async function insertCase(input: TestCaseInput): Promise<{ id: string; reference: string; version: number }> {
  // Taken before the first await, so that concurrent calls number their cases apart.
  const number = (counter += 1);
  const prisma = getPrisma();
  const catalogue = await prisma.reasonCatalogueVersion.findFirstOrThrow({ orderBy: { version: 'desc' } });
  const filedAt = input.filedAt ?? new Date(Date.now() - 2 * HOUR);
  const schedule = caseDeadlineFields(
    filedAt,
    (input.dueAt?.getTime() ?? filedAt.getTime() + 24 * HOUR) - filedAt.getTime(),
  );
  const dueAt = schedule.dueAt;
  const issuingUnitCode = input.issuingUnitCode ?? `${input.issuingProvinceCode ?? input.provinceCode}0100`;
  const row = await prisma.case.create({
    data: {
      provinceCode: input.provinceCode,
      reference: `SS-${input.provinceCode}-20261127-${String(number).padStart(6, '0')}${randomUUID().slice(0, 3).replace(/\D/g, '')}`,
      type: input.type ?? 'CODE_APPEAL',
      state: input.state ?? 'SUBMITTED',
      citizenId: input.citizenId,
      colour: input.colour ?? 'RED',
      codeAssignedAt: new Date(filedAt.getTime() - 6 * HOUR),
      issuingProvinceCode: input.issuingProvinceCode ?? issuingUnitCode.slice(0, 2),
      issuingUnitCode,
      refusingProvinceCode: input.refusingProvinceCode ?? null,
      statedReasonCode: 'CLOSE_CONTACT',
      catalogueVersionId: catalogue.id,
      grounds: input.type === 'RECOGNITION_COMPLAINT' ? 'NOT_RECOGNISED' : 'NEVER_AT_PLACE',
      statement: '我当天一直在单位上班，从未去过风险区域。',
      requestedOutcome: input.type === 'RECOGNITION_COMPLAINT' ? 'RECOGNISE' : 'REVOKE',
      privacyNoticeVersion: '2026-01',
      primaFacieOverreach: input.primaFacieOverreach ?? false,
      assigneeId: input.assigneeId ?? null,
      assignedAt: input.assigneeId ? filedAt : null,
      filedAt,
      dueAt,
      allowedMs: BigInt(schedule.allowedMs),
      pausedSince: input.pausedSince ?? null,
      deadlineInputs: {},
      deadlineExplanation: 'test',
      atRiskAt: input.atRiskAt ?? schedule.atRiskAt,
      secondReviewReason: input.secondReviewReason ?? null,
      idempotencyKey: randomUUID(),
      payloadHash: 'test',
    },
    select: { id: true, reference: true, version: true },
  });
  return row;
}

export async function insertDecision(input: {
  caseId: string;
  provinceCode: string;
  level?: 'FIRST' | 'SECOND';
  outcome: DecisionOutcome;
  decidedAt: Date;
  deadlineAt: Date;
  decidedById: string;
}): Promise<string> {
  const prisma = getPrisma();
  const supersedes =
    input.level === 'SECOND'
      ? await prisma.decision.findUnique({
          where: {
            provinceCode_caseId_level: { provinceCode: input.provinceCode, caseId: input.caseId, level: 'FIRST' },
          },
        })
      : null;
  const decision = await prisma.decision.create({
    data: {
      caseId: input.caseId,
      provinceCode: input.provinceCode,
      level: input.level ?? 'FIRST',
      outcome: input.outcome,
      ruleCode: 'CLOSE_CONTACT',
      reasons: '经核查，申诉人当天的行程与风险区域无交集，依据目录作出本决定。',
      decidedById: input.decidedById,
      decidedAt: input.decidedAt,
      deadlineAt: input.deadlineAt,
      supersedesId: supersedes?.id ?? null,
    },
  });
  // A decision always comes with a change of the case (the engine bumps its version with updateMany), which the statistics refresh notices.
  await prisma.case.updateMany({
    where: { id: input.caseId },
    data: { version: { increment: 1 }, decidedAt: input.decidedAt },
  });
  return decision.id;
}

export async function insertCorrectionOrder(input: {
  caseId: string;
  provinceCode: string;
  createdAt: Date;
  confirmedAt?: Date | null;
  deliveredAt?: Date | null;
}) {
  await getPrisma().outboxEvent.create({
    data: {
      provinceCode: input.provinceCode,
      kind: 'CORRECTION_ORDER',
      caseId: input.caseId,
      payload: {},
      status: input.deliveredAt ? 'SENT' : 'PENDING',
      deliveredAt: input.deliveredAt ?? null,
      confirmedAt: input.confirmedAt ?? null,
      createdAt: input.createdAt,
    },
  });
}
