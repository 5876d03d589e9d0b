'use client';
// Role, province and city/county unit of a staff account: reviewers need a province and a unit, supervisors a province
// or the whole country, administrators neither. The units of the chosen province are loaded when it changes.
import { useEffect, useMemo, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { useTranslations } from 'next-intl';
import type { FormAction } from '@/components/forms/use-action-form';
import { SelectField } from '@/components/ui/select-field';
import { STAFF_ROLES, type StaffRole } from '@/lib/admin/schemas';

export interface ScopeValues {
  role: StaffRole;
  provinceCode: string;
  unitCode: string;
}

export interface Option {
  code: string;
  name: string;
}

/** Lists the city/county units of a province (a server action handed down by the page). */
export type ListUnitsAction = FormAction<{ provinceCode: string }, Option[]>;

export function StaffScopeFields<V extends ScopeValues, P>({
  form,
  provinces,
  errorFor,
  listUnits,
  initialUnits = null,
}: {
  form: UseFormReturn<V, unknown, P>;
  listUnits: ListUnitsAction;
  provinces: Option[];
  errorFor: (field: keyof ScopeValues) => string | null;
  /** The units of the account's current province, so an edit form shows its unit at once. */
  initialUnits?: { province: string; options: Option[] } | null;
}) {
  const t = useTranslations('admin.staffForm');
  const tRoles = useTranslations('roles');
  // react-hook-form's generic paths do not narrow through V; the three fields always exist.
  const scope = form as unknown as UseFormReturn<ScopeValues>;
  const role = scope.watch('role');
  const provinceCode = scope.watch('provinceCode');
  const [units, setUnits] = useState<{ province: string; options: Option[] } | null>(initialUnits);

  useEffect(() => {
    if (role !== 'REVIEWER' || !provinceCode) return;
    let cancelled = false;
    void listUnits({ provinceCode }).then((result) => {
      if (!cancelled && result.ok) setUnits({ province: provinceCode, options: result.data });
    });
    return () => {
      cancelled = true;
    };
  }, [role, provinceCode, listUnits]);

  const unitOptions = useMemo(
    () => (units && units.province === provinceCode ? units.options : []),
    [units, provinceCode],
  );
  // A select keeps its value only among its options: put the chosen unit back once they have arrived.
  useEffect(() => {
    if (unitOptions.length > 0) scope.setValue('unitCode', scope.getValues('unitCode'));
  }, [unitOptions, scope]);
  return (
    <>
      <SelectField id="staff-role" label={t('roleLabel')} error={errorFor('role')} {...scope.register('role')}>
        {STAFF_ROLES.map((value) => (
          <option key={value} value={value}>
            {tRoles(value)}
          </option>
        ))}
      </SelectField>
      {role !== 'ADMIN' ? (
        <SelectField
          id="staff-province"
          label={t('provinceLabel')}
          hint={role === 'SUPERVISOR' ? t('provinceHintSupervisor') : t('provinceHintReviewer')}
          error={errorFor('provinceCode')}
          {...scope.register('provinceCode', { onChange: () => scope.setValue('unitCode', '') })}
        >
          <option value="">{role === 'SUPERVISOR' ? t('national') : t('choose')}</option>
          {provinces.map((province) => (
            <option key={province.code} value={province.code}>
              {province.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      {role === 'REVIEWER' ? (
        <SelectField
          id="staff-unit"
          label={t('unitLabel')}
          hint={t('unitHint')}
          error={errorFor('unitCode')}
          {...scope.register('unitCode')}
        >
          <option value="">{t('choose')}</option>
          {unitOptions.map((unit) => (
            <option key={unit.code} value={unit.code}>
              {unit.name}（{unit.code}）
            </option>
          ))}
        </SelectField>
      ) : null}
    </>
  );
}

/** The action's payload fields from the form's: blanks and fields the role does not use become null. */
export function scopePayload(values: ScopeValues): {
  role: StaffRole;
  provinceCode: string | null;
  unitCode: string | null;
} {
  return {
    role: values.role,
    provinceCode: values.role === 'ADMIN' || values.provinceCode === '' ? null : values.provinceCode,
    unitCode: values.role === 'REVIEWER' && values.unitCode !== '' ? values.unitCode : null,
  };
}
