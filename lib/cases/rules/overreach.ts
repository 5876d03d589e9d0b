// Prima facie overreach at filing (SPEC §4): a code harsher than the national standard allows for its stated reason,
// a code with no reason stated, or one given for a non-epidemic reason. Such cases rank first and are counted.
import { CodeColour, ReasonValidity } from '@/lib/db/generated/enums';

export type OverreachReason = 'COLOUR_ABOVE_MAXIMUM' | 'NO_REASON_STATED' | 'NON_EPIDEMIC_REASON';

/** What overreach needs from a reason of the case's catalogue version. */
export interface CatalogueReason {
  code: string;
  maxColour: CodeColour | null;
  validity: ReasonValidity;
}

export interface OverreachAssessment {
  primaFacie: boolean;
  reason: OverreachReason | null;
}

const SEVERITY: Record<CodeColour, number> = { GREEN: 0, YELLOW: 1, RED: 2 };

export function assessOverreach(
  code: { colour: CodeColour; statedReasonCode: string | null },
  catalogueReasons: readonly CatalogueReason[],
): OverreachAssessment {
  // A green code restricts nobody, whatever was (or was not) said about it.
  if (code.colour === CodeColour.GREEN) return { primaFacie: false, reason: null };
  const reason = catalogueReasons.find((candidate) => candidate.code === code.statedReasonCode);
  // A code the catalogue does not know is no stated basis at all (filing refuses unknown codes before this).
  if (!reason || reason.validity === ReasonValidity.NO_REASON) return { primaFacie: true, reason: 'NO_REASON_STATED' };
  if (reason.validity === ReasonValidity.NON_EPIDEMIC) return { primaFacie: true, reason: 'NON_EPIDEMIC_REASON' };
  // A valid reason without a maximum allows no colour at all.
  const allowed = reason.maxColour === null ? SEVERITY.GREEN : SEVERITY[reason.maxColour];
  if (SEVERITY[code.colour] > allowed) return { primaFacie: true, reason: 'COLOUR_ABOVE_MAXIMUM' };
  return { primaFacie: false, reason: null };
}
