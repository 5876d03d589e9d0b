// The filing checks that need reference data (SPEC §3–§4): the provinces and the issuing city/county exist, and the
// stated reason is in the catalogue version in force. Returns that catalogue, which the filing records and assesses.
import 'server-only';
import { findDivisions } from '@/lib/reference/divisions';
import { findCatalogueInForce, type CatalogueInForce } from '@/lib/reference/reason-catalogue';
import type { FilingData, FilingErrorKey } from '@/lib/cases/forms/schemas';

export type FilingReferenceField =
  'issuingProvinceCode' | 'issuingUnitCode' | 'refusingProvinceCode' | 'statedReasonCode';

export interface FilingReferenceCheck {
  ok: boolean;
  fieldErrors: Partial<Record<FilingReferenceField, FilingErrorKey>>;
  catalogue: CatalogueInForce;
}

type FilingReferences = Pick<FilingData, FilingReferenceField>;

/** Checked against the catalogue version in force: `given`, or read now. */
export async function checkFilingReferences(
  filing: FilingReferences,
  given?: CatalogueInForce,
): Promise<FilingReferenceCheck> {
  const [{ isProvince, unit: division }, catalogue] = await Promise.all([
    findDivisions(),
    given ?? findCatalogueInForce(),
  ]);
  const unit = division(filing.issuingUnitCode);

  const fieldErrors: FilingReferenceCheck['fieldErrors'] = {};
  if (!isProvince(filing.issuingProvinceCode)) fieldErrors.issuingProvinceCode = 'filing.errors.issuingProvinceUnknown';
  if (!unit || unit.level === 'PROVINCE') fieldErrors.issuingUnitCode = 'filing.errors.issuingUnitUnknown';
  else if (unit.provinceCode !== filing.issuingProvinceCode)
    fieldErrors.issuingUnitCode = 'filing.errors.issuingUnitOutsideProvince';
  if (filing.refusingProvinceCode && !isProvince(filing.refusingProvinceCode)) {
    fieldErrors.refusingProvinceCode = 'filing.errors.refusingProvinceUnknown';
  }
  if (
    filing.statedReasonCode !== null &&
    !catalogue.reasons.some((reason) => reason.code === filing.statedReasonCode)
  ) {
    fieldErrors.statedReasonCode = 'filing.errors.statedReasonUnknown';
  }
  return { ok: Object.keys(fieldErrors).length === 0, fieldErrors, catalogue };
}
