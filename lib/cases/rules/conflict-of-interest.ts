// Conflict of interest by the division hierarchy (SPEC §6, GB/T 2260): a reviewer is conflicted for codes issued by
// their own unit and by every division under it, so a reviewer of Hefei (340100) is conflicted for 蜀山区 (340104).
/** The code's prefix that every division under it shares: 340100 → 3401, 340000 → 34, 340104 → 340104. */
function divisionPrefix(unitCode: string): string {
  let prefix = unitCode;
  while (prefix.length > 2 && prefix.endsWith('00')) prefix = prefix.slice(0, -2);
  return prefix;
}

export function isConflictedReviewer(reviewerUnitCode: string | null, issuingUnitCode: string): boolean {
  if (!reviewerUnitCode || !/^\d{6}$/.test(reviewerUnitCode) || !/^\d{6}$/.test(issuingUnitCode)) return false;
  return issuingUnitCode.startsWith(divisionPrefix(reviewerUnitCode));
}
