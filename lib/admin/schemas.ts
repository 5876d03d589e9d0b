// Schemas of the administration forms, shared by the react-hook-form resolvers and the server actions. Strict: unknown
// keys are refused. Messages are i18n keys (admin.errors.*).
import { z } from 'zod';

export const STAFF_ROLES = ['REVIEWER', 'SUPERVISOR', 'ADMIN'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const MAX_CAPACITY = 500;
/** Upper bounds of the deadline form: far beyond any national maximum, so the national check is the one that speaks. */
const MAX_HOURS = 24 * 30;
const MAX_WORKING_DAYS = 60;

const invalid = { message: 'admin.errors.invalid' };
const userId = z.uuid(invalid);
const expectedUpdatedAt = z.iso.datetime({ offset: true, message: 'admin.errors.invalid' });
const provinceCode = z.string().regex(/^\d{2}$/, { message: 'admin.errors.provinceInvalid' });
const unitCode = z.string().regex(/^\d{6}$/, { message: 'admin.errors.unitInvalid' });

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, { message: 'admin.errors.usernameInvalid' });
const displayName = z
  .string()
  .trim()
  .min(1, { message: 'admin.errors.displayNameRequired' })
  .max(50, { message: 'admin.errors.displayNameTooLong' });

/** Role and scope: reviewers belong to a province and a city/county unit, supervisors to a province or the nation, administrators to neither. */
const scopeFields = {
  role: z.enum(STAFF_ROLES, { message: 'admin.errors.roleInvalid' }),
  provinceCode: provinceCode.nullable(),
  unitCode: unitCode.nullable(),
};

function checkScope(
  value: { role: StaffRole; provinceCode: string | null; unitCode: string | null },
  context: z.RefinementCtx,
): void {
  if (value.role === 'REVIEWER' && value.provinceCode === null)
    context.addIssue({ code: 'custom', path: ['provinceCode'], message: 'admin.errors.provinceRequired' });
  if (value.role === 'REVIEWER' && value.unitCode === null)
    context.addIssue({ code: 'custom', path: ['unitCode'], message: 'admin.errors.unitRequired' });
  if (value.role === 'ADMIN' && value.provinceCode !== null)
    context.addIssue({ code: 'custom', path: ['provinceCode'], message: 'admin.errors.adminIsNational' });
  if (value.role !== 'REVIEWER' && value.unitCode !== null)
    context.addIssue({ code: 'custom', path: ['unitCode'], message: 'admin.errors.unitOnlyForReviewers' });
}

export const createStaffSchema = z
  .strictObject({ username: usernameSchema, displayName, ...scopeFields })
  .superRefine(checkScope);
export type CreateStaffInput = z.input<typeof createStaffSchema>;

export const updateStaffSchema = z
  .strictObject({ userId, expectedUpdatedAt, displayName, ...scopeFields })
  .superRefine(checkScope);
export type UpdateStaffInput = z.input<typeof updateStaffSchema>;

export const setStaffActiveSchema = z.strictObject({ userId, expectedUpdatedAt, active: z.boolean(invalid) });
export type SetStaffActiveInput = z.input<typeof setStaffActiveSchema>;

export const resetStaffCredentialsSchema = z.strictObject({
  userId,
  expectedUpdatedAt,
  reset: z.enum(['PASSWORD', 'SECOND_FACTOR'], invalid),
});
export type ResetStaffCredentialsInput = z.input<typeof resetStaffCredentialsSchema>;

export const setReviewerCapacitySchema = z.strictObject({
  userId,
  expectedUpdatedAt,
  capacity: z
    .number(invalid)
    .int(invalid)
    .min(1, { message: 'admin.errors.capacityRange' })
    .max(MAX_CAPACITY, { message: 'admin.errors.capacityRange' }),
});
export type SetReviewerCapacityInput = z.input<typeof setReviewerCapacitySchema>;

const hours = z
  .number(invalid)
  .int(invalid)
  .min(1, { message: 'admin.errors.hoursRange' })
  .max(MAX_HOURS, { message: 'admin.errors.hoursRange' });

export const publishDeadlinePolicySchema = z.strictObject({
  provinceCode,
  /** The province's version the form was based on (null: none yet), so two administrators cannot publish over each other. */
  basedOnVersion: z.number(invalid).int(invalid).nullable(),
  redHours: hours,
  yellowHours: hours,
  recognitionHours: hours,
  secondReviewWorkingDays: z
    .number(invalid)
    .int(invalid)
    .min(1, { message: 'admin.errors.daysRange' })
    .max(MAX_WORKING_DAYS, { message: 'admin.errors.daysRange' }),
  citizenReplyHours: hours,
});
export type PublishDeadlinePolicyInput = z.input<typeof publishDeadlinePolicySchema>;

const note = z
  .string()
  .trim()
  .min(5, { message: 'admin.errors.noteRequired' })
  .max(500, { message: 'admin.errors.noteTooLong' });

export const CALENDAR_DAY_KINDS = ['HOLIDAY', 'WORKING_WEEKEND'] as const;

export const publishCalendarSchema = z.strictObject({
  year: z
    .number(invalid)
    .int(invalid)
    .min(2020, { message: 'admin.errors.yearRange' })
    .max(2100, { message: 'admin.errors.yearRange' }),
  basedOnVersion: z.number(invalid).int(invalid).nullable(),
  note,
  days: z
    .array(
      z.strictObject({
        date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'admin.errors.dateInvalid' }),
        kind: z.enum(CALENDAR_DAY_KINDS, { message: 'admin.errors.dayKindInvalid' }),
        name: z
          .string()
          .trim()
          .min(1, { message: 'admin.errors.dayNameRequired' })
          .max(40, { message: 'admin.errors.dayNameTooLong' }),
      }),
    )
    .max(200, { message: 'admin.errors.tooManyDays' }),
});
export type PublishCalendarInput = z.input<typeof publishCalendarSchema>;

export const COLOURS = ['RED', 'YELLOW', 'GREEN'] as const;
export const VALIDITIES = ['VALID', 'NO_REASON', 'NON_EPIDEMIC'] as const;

export const publishCatalogueSchema = z
  .strictObject({
    basedOnVersion: z.number(invalid).int(invalid),
    note,
    reasons: z
      .array(
        z.strictObject({
          code: z
            .string()
            .trim()
            .regex(/^[A-Z][A-Z0-9_]{1,49}$/, { message: 'admin.errors.reasonCodeInvalid' }),
          nameZh: z
            .string()
            .trim()
            .min(1, { message: 'admin.errors.reasonNameRequired' })
            .max(60, { message: 'admin.errors.reasonNameTooLong' }),
          nameEn: z
            .string()
            .trim()
            .min(1, { message: 'admin.errors.reasonNameRequired' })
            .max(120, { message: 'admin.errors.reasonNameTooLong' }),
          maxColour: z.enum(COLOURS, { message: 'admin.errors.colourInvalid' }).nullable(),
          validity: z.enum(VALIDITIES, { message: 'admin.errors.validityInvalid' }),
        }),
      )
      .min(1, { message: 'admin.errors.reasonsRequired' })
      .max(50, { message: 'admin.errors.tooManyReasons' }),
  })
  .superRefine((value, context) => {
    const seen = new Set<string>();
    value.reasons.forEach((reason, index) => {
      if (seen.has(reason.code))
        context.addIssue({
          code: 'custom',
          path: ['reasons', index, 'code'],
          message: 'admin.errors.reasonCodeDuplicate',
        });
      seen.add(reason.code);
      if (reason.validity === 'VALID' && reason.maxColour === null) {
        context.addIssue({
          code: 'custom',
          path: ['reasons', index, 'maxColour'],
          message: 'admin.errors.validNeedsColour',
        });
      }
      if (reason.validity !== 'VALID' && reason.maxColour !== null) {
        context.addIssue({
          code: 'custom',
          path: ['reasons', index, 'maxColour'],
          message: 'admin.errors.invalidHasNoColour',
        });
      }
    });
    // The national standard names both: a code with no reason stated, and one given for a non-epidemic reason (SPEC §3).
    for (const validity of ['NO_REASON', 'NON_EPIDEMIC'] as const) {
      if (!value.reasons.some((reason) => reason.validity === validity)) {
        context.addIssue({
          code: 'custom',
          path: ['reasons'],
          message: validity === 'NO_REASON' ? 'admin.errors.needsNoReason' : 'admin.errors.needsNonEpidemic',
        });
      }
    }
  });
export type PublishCatalogueInput = z.input<typeof publishCatalogueSchema>;
