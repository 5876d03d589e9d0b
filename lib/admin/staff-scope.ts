// The scope of a staff account (province, unit) must exist: a province of GB/T 2260, and a unit of that province.
import 'server-only';
import { isUnitOf, provinceExists } from '@/lib/reference/divisions';
import { fieldRefusal } from './errors';

/** Refuses a province or unit that does not exist, or a unit outside the province. */
export async function assertScopeExists(provinceCode: string | null, unitCode: string | null): Promise<void> {
  if (provinceCode !== null && !(await provinceExists(provinceCode)))
    throw fieldRefusal({ provinceCode: 'admin.errors.provinceInvalid' });
  if (unitCode === null) return;
  if (provinceCode === null || !(await isUnitOf(unitCode, provinceCode)))
    throw fieldRefusal({ unitCode: 'admin.errors.unitInvalid' });
}
