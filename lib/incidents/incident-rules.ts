// What makes a mass incident (SPEC §16), in one place: the reason key appeals are grouped by, when an incident goes to
// the national supervisors, the documented values of its TEXT columns and the default policy (which cases a group finding may
// decide is the DECIDE_AS_GROUP row of lib/cases/rules/transitions.ts). Pure and browser-safe (no database).
import type { ReasonValidity } from '@/lib/db/generated/enums';

export const INCIDENT_STATUSES = ['OPEN', 'CLOSED'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const INCIDENT_ESCALATIONS = ['PROVINCIAL', 'NATIONAL'] as const;
export type IncidentEscalation = (typeof INCIDENT_ESCALATIONS)[number];

/** The one reason key of "no reason stated" and non-epidemic reasons: neither is a basis for any code (§3). */
export const NO_VALID_REASON = 'NO_VALID_REASON';

/** Used when no incident_policy row is in force (the migration seeds the same national default). */
export const DEFAULT_INCIDENT_POLICY = { threshold: 20, windowHours: 24 } as const;

/** The four municipalities, whose city-level division is the provincial-level authority itself. */
const MUNICIPALITIES = new Set(['11', '12', '31', '50']);

export interface ReasonValidityOf {
  code: string;
  validity: ReasonValidity;
}

/**
 * The key appeals are grouped by: the stated reason code, or NO_VALID_REASON for "none stated" and any reason the
 * catalogue marks as no reason or non-epidemic (Zhengzhou's depositors were given both kinds of "reason").
 */
export function reasonKeyOf(statedReasonCode: string | null, reasons: readonly ReasonValidityOf[]): string {
  const reason = reasons.find((candidate) => candidate.code === statedReasonCode);
  return !reason || reason.validity !== 'VALID' ? NO_VALID_REASON : reason.code;
}

/** The stated reason codes a key covers (null stands for "none stated"). */
export function reasonCodesOf(reasonKey: string, reasons: readonly ReasonValidityOf[]): string[] {
  if (reasonKey !== NO_VALID_REASON) return [reasonKey];
  return reasons.filter((reason) => reason.validity !== 'VALID').map((reason) => reason.code);
}

/**
 * Whether the issuing unit is a provincial-level authority: the province itself (`xx0000`), or a municipality's
 * city-level division (`110100` …), which is the municipality's own government.
 */
export function isProvincialAuthority(issuingUnitCode: string): boolean {
  if (issuingUnitCode.endsWith('0000')) return true;
  return MUNICIPALITIES.has(issuingUnitCode.slice(0, 2)) && /^\d\d0100$/.test(issuingUnitCode);
}

/** An incident against a provincial-level authority goes to the national supervisors (§16). */
export function escalationOf(issuingUnitCode: string): IncidentEscalation {
  return isProvincialAuthority(issuingUnitCode) ? 'NATIONAL' : 'PROVINCIAL';
}

/** Whether the supervisor may handle (decide) the incident: a national one always, a provincial one its own non-escalated ones. */
export function mayHandleIncident(
  supervisor: { provinceCode: string | null },
  incident: { provinceCode: string; escalation: string },
): boolean {
  if (supervisor.provinceCode === null) return true;
  return supervisor.provinceCode === incident.provinceCode && incident.escalation !== 'NATIONAL';
}
