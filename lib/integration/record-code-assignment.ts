// Inbound code assignments (SPEC §9): a province system pushes the codes it assigned, idempotently by its own record
// id, so appeals can be checked against them. Only units of the key's province and catalogue reasons are accepted.
// Not audited: these are the province's records, not decisions of this system (and they would flood the chain).
import 'server-only';
import { canonicalJson } from '@/lib/audit/canonical';
import { prisma, Prisma } from '@/lib/db/client';
import type { CodeAssignment } from '@/lib/db/generated/client';
import type { ApiClient } from './authenticate';
import { validationFailed } from './errors';
import type { CodeAssignmentInput } from './schemas';
import { sha256Hex } from './signature';
import { isUnitOf } from '@/lib/reference/divisions';

export type CodeAssignmentStatus = 'created' | 'updated' | 'unchanged';

export interface RecordedCodeAssignment {
  id: string;
  recordId: string;
  status: CodeAssignmentStatus;
  receivedAt: string;
  updatedAt: string;
}

async function checkReferences(client: ApiClient, input: CodeAssignmentInput): Promise<void> {
  const [unit, reason] = await Promise.all([
    isUnitOf(input.issuingUnitCode, client.provinceCode),
    prisma.reason.findFirst({ where: { code: input.reasonCode }, select: { id: true } }),
  ]);
  const problems: Record<string, string> = {};
  if (!unit) problems.issuingUnitCode = `Must be a city or county of province ${client.provinceCode}.`;
  if (!reason) problems.reasonCode = 'Not a reason code of the national catalogue.';
  if (Object.keys(problems).length > 0) throw validationFailed(problems);
}

function summary(row: CodeAssignment, status: CodeAssignmentStatus): RecordedCodeAssignment {
  return {
    id: row.id,
    recordId: row.recordId,
    status,
    receivedAt: row.receivedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function recordCodeAssignment(
  client: ApiClient,
  input: CodeAssignmentInput,
): Promise<RecordedCodeAssignment> {
  await checkReferences(client, input);
  const content = {
    personPseudonym: input.personPseudonym,
    colour: input.colour,
    reasonCode: input.reasonCode,
    assignedAt: new Date(input.assignedAt),
    issuingUnitCode: input.issuingUnitCode,
  };
  const payloadHash = sha256Hex(canonicalJson({ ...content, assignedAt: content.assignedAt.toISOString() }));
  const key = { provinceCode_recordId: { provinceCode: client.provinceCode, recordId: input.recordId } };
  // Two pushes of a new record may race: the loser of the insert finds the winner's row on its second pass.
  for (let pass = 0; ; pass += 1) {
    const existing = await prisma.codeAssignment.findUnique({ where: key });
    if (!existing) {
      try {
        const created = await prisma.codeAssignment.create({
          data: { provinceCode: client.provinceCode, recordId: input.recordId, ...content, payloadHash },
        });
        return summary(created, 'created');
      } catch (error) {
        if (pass === 0 && error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') continue;
        throw error;
      }
    }
    if (existing.payloadHash === payloadHash) return summary(existing, 'unchanged');
    const updated = await prisma.codeAssignment.update({
      where: { provinceCode_id: { provinceCode: existing.provinceCode, id: existing.id } },
      data: { ...content, payloadHash },
    });
    return summary(updated, 'updated');
  }
}
