'use server';
// Staff account changes by administrators: create (temporary password), change role/scope, disable/enable, reset
// password or second factor; and the city/county units of a province for the form. Each goes through the use case.
import { z } from 'zod';
import { defineAction, type ActionResult } from '@/lib/auth/action';
import { createStaffAccount, type CreatedStaffAccount } from '@/lib/admin/create-staff-account';
import { listUnits, type DivisionOption } from '@/lib/reference/divisions';
import { resetStaffCredentials, type CredentialsReset } from '@/lib/admin/reset-staff-credentials';
import {
  createStaffSchema,
  resetStaffCredentialsSchema,
  setStaffActiveSchema,
  updateStaffSchema,
  type CreateStaffInput,
  type ResetStaffCredentialsInput,
  type SetStaffActiveInput,
  type UpdateStaffInput,
} from '@/lib/admin/schemas';
import { setStaffActive, type StaffActiveChange } from '@/lib/admin/set-staff-active';
import { updateStaffAccount, type StaffAccountUpdate } from '@/lib/admin/update-staff-account';

const ADMIN = ['ADMIN'] as const;

const create = defineAction({
  schema: createStaffSchema,
  roles: ADMIN,
  handler: (input, { user }) => createStaffAccount(user, input),
});

const update = defineAction({
  schema: updateStaffSchema,
  roles: ADMIN,
  handler: (input, { user }) => updateStaffAccount(user, input),
});

const setActive = defineAction({
  schema: setStaffActiveSchema,
  roles: ADMIN,
  handler: (input, { user }) => setStaffActive(user, input),
});

const reset = defineAction({
  schema: resetStaffCredentialsSchema,
  roles: ADMIN,
  handler: (input, { user }) => resetStaffCredentials(user, input),
});

const units = defineAction({
  schema: z.strictObject({ provinceCode: z.string().regex(/^\d{2}$/, { message: 'admin.errors.provinceInvalid' }) }),
  roles: ADMIN,
  handler: async ({ provinceCode }) => listUnits(provinceCode),
});

export async function createStaffAccountAction(input: CreateStaffInput): Promise<ActionResult<CreatedStaffAccount>> {
  return create(input);
}

export async function updateStaffAccountAction(input: UpdateStaffInput): Promise<ActionResult<StaffAccountUpdate>> {
  return update(input);
}

export async function setStaffActiveAction(input: SetStaffActiveInput): Promise<ActionResult<StaffActiveChange>> {
  return setActive(input);
}

export async function resetStaffCredentialsAction(
  input: ResetStaffCredentialsInput,
): Promise<ActionResult<CredentialsReset>> {
  return reset(input);
}

export async function listUnitsAction(input: {
  provinceCode: string;
}): Promise<ActionResult<(DivisionOption & { level: 'CITY' | 'COUNTY' })[]>> {
  return units(input);
}
