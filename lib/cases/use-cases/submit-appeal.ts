// Filing an appeal (SPEC §4, §6, §7): validate, route to the right province, assess overreach, compute the deadline,
// and write the case, its evidence, its audit event and its first assignment in ONE transaction.
// An idempotency key makes a double submit return the first case; the same key with other content is refused.
// The key is held in filing_idempotency_key (distributed by the key): the content decides the case's province, so a
// key unique only within one province could not refuse the same key with other content.
import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import { canonicalJson } from '@/lib/audit/canonical';
import { appendAuditEvent } from '@/lib/audit/append';
import { insertCase } from '@/lib/db/case-sql';
import { isUniqueViolation, prisma, Prisma, sqlRows } from '@/lib/db/client';
import type { Case } from '@/lib/db/generated/client';
import { discardEvidenceFiles, storeEvidenceFiles, type SavedEvidence } from '@/lib/evidence/store';
import { sealIdNumber } from '@/lib/pii/id-number';
import type { Actor } from '@/lib/auth/actor';
import { allocateReference } from '@/lib/cases/engine/allocate-reference';
import { filedAssigned, recordFilingAssignment } from '@/lib/cases/engine/auto-assign';
import { openReliefRequest } from '@/lib/cases/engine/interim-relief';
import { checkFilingReferences } from '@/lib/cases/rules/check-filing-references';
import {
  computeFirstDecisionDeadline,
  storedDeadlineInputs,
  type DeadlinePolicyRecord,
} from '@/lib/cases/rules/deadlines';
import { formatSmsTime } from '@/lib/i18n/format-date';
import { IdempotencyConflictError, ForbiddenActionError, ValidationError } from '@/lib/core/errors';
import { checkEvidenceFiles, evidenceFieldErrors, type EvidenceFileInput } from '@/lib/cases/rules/evidence-rules';
import { effectivePolicyOf, policiesInForce } from '@/lib/reference/deadline-rules';
import { catalogueOf, CATALOGUE_VERSION_IN_FORCE, type CatalogueVersion } from '@/lib/reference/reason-catalogue';
import { assessOverreach } from '@/lib/cases/rules/overreach';
import { parseInput } from '@/lib/core/parse-input';
import { pickReviewer, routeToProvince } from '@/lib/cases/rules/routing';
import { filingSchema, type FilingData } from '@/lib/cases/forms/schemas';
import { findMatchingCodeAssignment } from '@/lib/integration/find-matching-code-assignment';
import { queueNotifications } from '@/lib/notifications/queue';
import { detectIncident, type DetectedIncident } from '@/lib/incidents/detect-incident';

export interface SubmitResult {
  case: Case;
  /** false when an earlier submission with the same idempotency key was returned. */
  created: boolean;
}

function payloadHashOf(filing: FilingData, evidence: readonly EvidenceFileInput[]): string {
  const files = evidence.map((file) => createHash('sha256').update(file.bytes).digest('hex'));
  // The key names the submission; the hash covers its content.
  return createHash('sha256')
    .update(canonicalJson({ ...filing, idempotencyKey: undefined, files }))
    .digest('hex');
}

/** The submission an idempotency key was first used for. */
interface EarlierSubmission {
  citizenId: string;
  payloadHash: string;
  caseId: string;
}

const earlierSubmission = (key: string) =>
  Prisma.sql`SELECT citizen_id::text AS "citizenId", payload_hash AS "payloadHash", case_id::text AS "caseId"
               FROM filing_idempotency_key WHERE key = ${key}`;

/** The case of an earlier submission with the same key, or null; the same key with other content is refused. */
async function earlierCase(
  existing: EarlierSubmission | null | undefined,
  citizenId: string,
  payloadHash: string,
): Promise<Case | null> {
  if (!existing) return null;
  if (existing.citizenId !== citizenId || existing.payloadHash !== payloadHash) throw new IdempotencyConflictError();
  // By id: a transfer may since have moved the case out of the province it was filed in (existing.provinceCode).
  return prisma.case.findFirst({ where: { id: existing.caseId } });
}

/**
 * What a filing reads before it decides anything, in one statement: an earlier submission with its key, the reason
 * catalogue version in force and the deadline policies in force in its province (read per filing: another instance
 * may have published a new version a moment ago).
 */
async function readFilingContext(key: string, provinceCode: string, now: Date) {
  const [row] = await sqlRows<{
    earlier: EarlierSubmission | null;
    catalogue: CatalogueVersion | null;
    policies: DeadlinePolicyRecord[] | null;
  }>(
    prisma,
    Prisma.sql`
    SELECT (SELECT row_to_json(e) FROM (${earlierSubmission(key)}) AS e) AS earlier,
           (SELECT row_to_json(v) FROM (${CATALOGUE_VERSION_IN_FORCE}) AS v) AS catalogue,
           (SELECT json_agg(p) FROM (${policiesInForce(provinceCode, now)}) AS p) AS policies`,
  );
  return { earlier: row!.earlier, catalogue: row!.catalogue, policies: row!.policies ?? [] };
}

export async function submitAppeal(
  actor: Actor,
  input: unknown,
  evidence: readonly EvidenceFileInput[] = [],
  now: Date = new Date(),
): Promise<SubmitResult> {
  if (actor.role !== 'CITIZEN' || !actor.id) throw new ForbiddenActionError('SUBMIT');
  const citizenId = actor.id;
  const filing = parseInput(filingSchema, input);

  const payloadHash = payloadHashOf(filing, evidence);
  const provinceCode = routeToProvince(filing);
  const context = await readFilingContext(filing.idempotencyKey, provinceCode, now);
  const earlier = await earlierCase(context.earlier, citizenId, payloadHash);
  if (earlier) return { case: earlier, created: false };

  const checkedEvidence = await checkEvidenceFiles(evidence);
  if (!checkedEvidence.ok) throw new ValidationError(evidenceFieldErrors(checkedEvidence));
  const references = await checkFilingReferences(filing, await catalogueOf(context.catalogue));
  if (!references.ok) throw new ValidationError(references.fieldErrors);

  const overreach = assessOverreach(filing, references.catalogue.reasons);
  const policy = effectivePolicyOf(context.policies, provinceCode, now);
  const deadline = computeFirstDecisionDeadline(policy, { type: filing.type, colour: filing.colour, filedAt: now });
  // Taken outside the transaction: a failed filing leaves a gap in the day's numbers, never a duplicate.
  const reference = await allocateReference(provinceCode, now);

  // Images are stored stripped of their metadata (EXIF, GPS); size and hash describe the stored bytes.
  const storedFiles: SavedEvidence[] = await storeEvidenceFiles(provinceCode, checkedEvidence.files, evidence);
  try {
    const filed = await prisma.$transaction(async (tx) => {
      // Claimed first: a concurrent submit with the same key waits on this insert for this transaction and then fails
      // on the key (a unique violation, handled below), before it writes anything else. In the same statement, the
      // province system's own record of this code, when it sent one: the reviewer sees whether it matches.
      const caseId = randomUUID();
      const match = await findMatchingCodeAssignment(
        tx,
        {
          issuingProvinceCode: filing.issuingProvinceCode,
          issuingUnitCode: filing.issuingUnitCode,
          colour: filing.colour,
          codeAssignedAt: filing.codeAssignedAt,
        },
        [
          Prisma.sql`INSERT INTO filing_idempotency_key (key, citizen_id, payload_hash, case_id, province_code)
                     VALUES (${filing.idempotencyKey}, ${citizenId}::uuid, ${payloadHash}, ${caseId}::uuid, ${provinceCode})`,
        ],
      );
      // The reviewer is picked before the case is written, and the case inserted already assigned (SPEC §6); with
      // nobody eligible it waits in the province's pool.
      const reviewerId = await pickReviewer(tx, {
        provinceCode,
        caseId,
        issuingUnitCode: filing.issuingUnitCode,
        now,
      });
      const created = await insertCase(tx, {
        id: caseId,
        provinceCode,
        reference,
        type: filing.type,
        state: 'SUBMITTED',
        citizenId,
        applicantName: filing.applicantName,
        ...sealIdNumber(filing.idNumber, filing.idDocumentType),
        mobile: filing.mobile,
        colour: filing.colour,
        codeAssignedAt: filing.codeAssignedAt,
        issuingProvinceCode: filing.issuingProvinceCode,
        issuingUnitCode: filing.issuingUnitCode,
        refusingProvinceCode: filing.refusingProvinceCode,
        statedReasonCode: filing.statedReasonCode,
        catalogueVersionId: references.catalogue.id,
        grounds: filing.grounds,
        statement: filing.statement,
        requestedOutcome: filing.requestedOutcome,
        privacyNoticeVersion: filing.privacyNoticeVersion,
        primaFacieOverreach: overreach.primaFacie,
        overreachReason: overreach.reason,
        filedAt: now,
        dueAt: deadline.dueAt,
        allowedMs: BigInt(deadline.allowedMs),
        pausedMs: 0n,
        deadlineInputs: storedDeadlineInputs(deadline.inputs),
        deadlineExplanation: deadline.explanation.zh,
        atRiskAt: deadline.atRiskAt,
        idempotencyKey: filing.idempotencyKey,
        payloadHash,
        codeAssignmentId: match?.id ?? null,
        ...(reviewerId ? filedAssigned(reviewerId, now) : {}),
      });
      // Apart from the case: a nested create costs Prisma a second read of the case on every filing.
      if (storedFiles.length > 0)
        await tx.evidence.createMany({
          data: storedFiles.map((file) => ({
            caseId,
            provinceCode,
            kind: 'FILING' as const,
            fileName: file.name,
            mimeType: file.mimeType,
            sizeBytes: file.sizeBytes,
            sha256: file.sha256,
            storageKey: file.key,
          })),
        });
      // The filing's event takes its place in the chain now, before the assignment's; the incident it names is found
      // at the end (below).
      let incident: DetectedIncident | null = null;
      await appendAuditEvent(
        tx,
        {
          chain: provinceCode,
          actorId: citizenId,
          actorRole: 'CITIZEN',
          caseId: created.id,
          action: 'CASE_FILED',
          after: {
            reference,
            state: 'SUBMITTED',
            type: created.type,
            issuingUnitCode: created.issuingUnitCode,
            primaFacieOverreach: created.primaFacieOverreach,
            codeAssignmentMatched: match !== null,
            evidenceFiles: storedFiles.length,
            dueAt: deadline.dueAt.toISOString(),
          },
          occurredAt: now,
        },
        () => ({ incidentId: incident?.incidentId ?? null }),
      );
      await queueNotifications(tx, provinceCode, created.id, [
        {
          channel: 'SMS',
          recipientMobile: filing.mobile,
          template: 'CASE_FILED',
          params: { reference, dueAt: formatSmsTime(deadline.dueAt) },
        },
      ]);
      if (reviewerId) await recordFilingAssignment(tx, created, now);
      // Interim relief asked for at filing (SPEC §15): in this transaction, granted at once on prima facie overreach.
      const relief = filing.reliefReason
        ? await openReliefRequest(tx, actor, created, { reason: filing.reliefReason, detail: filing.reliefDetail }, now)
        : null;
      if (relief) await queueNotifications(tx, provinceCode, created.id, relief.notifications);
      // Mass-incident detection (SPEC §16), last: it counts the filing on its unit-and-reason row (one statement below
      // the threshold) and holds that row until the commit, so every filing against that unit and reason waits for
      // it; only the audit append and the COMMIT follow. (It locks no row the steps above lock: no deadlock.)
      incident = await detectIncident(tx, created, references.catalogue.reasons, now);
      return created;
    });
    return { case: filed, created: true };
  } catch (error) {
    await discardEvidenceFiles(storedFiles.map((file) => file.key));
    // Two submits with one key raced: the loser returns the winner's case (or is refused if the content differs).
    if (isUniqueViolation(error)) {
      const [existing] = await sqlRows<EarlierSubmission>(prisma, earlierSubmission(filing.idempotencyKey));
      const winner = await earlierCase(existing, citizenId, payloadHash);
      if (winner) return { case: winner, created: false };
    }
    throw error;
  }
}
