// One case record, loaded one way for every screen that shows a case (the reviewer's case screen, the supervisor's
// case page, the second-level review screen, the citizen's case and decision pages): the case through the caller's
// scope (caseScopeWhere: a reviewer's or provincial supervisor's read names province_code and stays on one shard; a
// citizen's or national supervisor's is a router query by id or reference, docs/scaling.md), with its assignee,
// decisions, evidence, questions, catalogue, matched code record, audit history and the names of the divisions it
// mentions. Another province's or another citizen's case is simply not found (null). Each screen projects the record
// to its own plain object (staff-case-view.ts, citizen-queries.ts, lib/supervision/case-detail.ts and
// second-review.ts); the button flags there come from lib/cases/rules/case-guards.ts.
import 'server-only';
import { z } from 'zod';
import { caseScopeWhere, type Actor } from '@/lib/auth/actor';
import { prisma, type Prisma } from '@/lib/db/client';
import { divisionNames } from '@/lib/reference/divisions';
import { loadCaseEvents, type CaseEventRow } from './case-history';

export interface CatalogueRule {
  code: string;
  nameZh: string;
  nameEn: string;
}

/** A rule's name in both languages (the supervisor's screens show it so). */
export interface RuleName {
  zh: string;
  en: string;
}

const CASE_RECORD_INCLUDE = {
  assignee: { select: { id: true, displayName: true } },
  catalogueVersion: {
    select: {
      version: true,
      reasons: { orderBy: { sortOrder: 'asc' }, select: { code: true, nameZh: true, nameEn: true } },
    },
  },
  evidence: {
    orderBy: { createdAt: 'asc' },
    select: { id: true, kind: true, fileName: true, mimeType: true, sizeBytes: true, createdAt: true },
  },
  informationRequests: { orderBy: { requestedAt: 'asc' } },
  // First-level decision first, then the second-level one (one of each at most).
  decisions: { orderBy: { level: 'asc' }, include: { decidedBy: { select: { displayName: true } } } },
} satisfies Prisma.CaseInclude;

export type CaseRecordRow = Prisma.CaseGetPayload<{ include: typeof CASE_RECORD_INCLUDE }>;
export type CaseRecordDecision = CaseRecordRow['decisions'][number];

/** What every case screen shows of the case itself (the version is what a change form sends back). */
export type CaseIdentity = Pick<CaseRecordRow, 'id' | 'reference' | 'version' | 'type' | 'state' | 'colour'>;

export function caseIdentity({ id, reference, version, type, state, colour }: CaseIdentity): CaseIdentity {
  return { id, reference, version, type, state, colour };
}

/** The appeal as the citizen wrote it: on what grounds, in their words, asking for what. */
export type CaseAppeal = Pick<CaseRecordRow, 'grounds' | 'statement' | 'requestedOutcome'>;

export function caseAppeal({ grounds, statement, requestedOutcome }: CaseAppeal): CaseAppeal {
  return { grounds, statement, requestedOutcome };
}

/** The code record the case was matched with, as the issuing province's system sent it. */
export interface MatchedCodeAssignment {
  recordId: string;
  colour: CaseRecordRow['colour'];
  reasonCode: string;
  assignedAt: Date;
  issuingUnitCode: string;
  receivedAt: Date;
}

export interface CaseRecord {
  case: CaseRecordRow;
  codeAssignment: MatchedCodeAssignment | null;
  /** The audit history in order (empty unless loaded with `history`). */
  events: CaseEventRow[];
  /** The rules of the case's catalogue version, in catalogue order. */
  rules: CatalogueRule[];
  first: CaseRecordDecision | null;
  second: CaseRecordDecision | null;
}

/** How the caller names the case: by id (the reviewer's and citizen's pages) or by reference (the supervisor's). */
export type CaseKey = { id: string } | { reference: string };

export interface LoadOptions {
  /** Narrows the scope further (the second-level review: its states, never the first decider). */
  where?: Prisma.CaseWhereInput;
  /** Load the audit history too. */
  history?: boolean;
}

const uuid = z.uuid();
const eventProvince = z.object({ provinceCode: z.string().optional() }).catch({});

/** The case with everything its screens show, or null when it does not exist or lies outside the caller's scope. */
export async function loadCaseRecord(
  actor: Actor,
  key: CaseKey,
  options: LoadOptions = {},
): Promise<CaseRecord | null> {
  if ('id' in key && !uuid.safeParse(key.id).success) return null;
  const found = await prisma.case.findFirst({
    where: { AND: [key, caseScopeWhere(actor), ...(options.where ? [options.where] : [])] },
    include: CASE_RECORD_INCLUDE,
  });
  if (!found) return null;
  const [codeAssignment, events] = await Promise.all([
    // The matched assignment is a row of the issuing province's system (no foreign key: docs/scaling.md).
    found.codeAssignmentId
      ? prisma.codeAssignment.findUnique({
          where: { provinceCode_id: { provinceCode: found.issuingProvinceCode, id: found.codeAssignmentId } },
          select: {
            recordId: true,
            colour: true,
            reasonCode: true,
            assignedAt: true,
            issuingUnitCode: true,
            receivedAt: true,
          },
        })
      : Promise.resolve(null),
    options.history ? loadCaseEvents(found.id) : Promise.resolve([]),
  ]);
  return {
    case: found,
    codeAssignment,
    events,
    rules: found.catalogueVersion.reasons,
    first: found.decisions.find((decision) => decision.level === 'FIRST') ?? null,
    second: found.decisions.find((decision) => decision.level === 'SECOND') ?? null,
  };
}

/** The catalogue rule of the case named by `code`, or null. */
export function ruleOf(record: CaseRecord, code: string | null): CatalogueRule | null {
  return record.rules.find((rule) => rule.code === code) ?? null;
}

/** The rule's name in both languages, or null. */
export function ruleNameOf(record: CaseRecord, code: string | null): RuleName | null {
  const rule = ruleOf(record, code);
  return rule ? { zh: rule.nameZh, en: rule.nameEn } : null;
}

/**
 * The names of the divisions the record mentions (its province, issuing province and unit, refusing province, the
 * code record's unit, the provinces of its transfers), looked up by six-digit code or two-digit province code.
 */
export async function recordDivisionNames(record: CaseRecord): Promise<Map<string, string>> {
  const found = record.case;
  const codes = new Set([found.provinceCode, found.issuingProvinceCode, found.issuingUnitCode]);
  if (found.refusingProvinceCode) codes.add(found.refusingProvinceCode);
  if (record.codeAssignment) codes.add(record.codeAssignment.issuingUnitCode);
  for (const event of record.events) {
    for (const summary of [event.before, event.after]) {
      const { provinceCode } = eventProvince.parse(summary ?? {});
      if (provinceCode) codes.add(provinceCode);
    }
  }
  return divisionNames(codes);
}

/** Where the code came from, by name (a division's code where its name is unknown). */
export interface CaseOrigin {
  issuingProvinceName: string;
  issuingUnitName: string;
  refusingProvinceName: string | null;
}

export function caseOrigin(record: CaseRecord, names: Map<string, string>): CaseOrigin {
  const { issuingProvinceCode, issuingUnitCode, refusingProvinceCode } = record.case;
  return {
    issuingProvinceName: names.get(issuingProvinceCode) ?? issuingProvinceCode,
    issuingUnitName: names.get(issuingUnitCode) ?? issuingUnitCode,
    refusingProvinceName: refusingProvinceCode ? (names.get(refusingProvinceCode) ?? refusingProvinceCode) : null,
  };
}
