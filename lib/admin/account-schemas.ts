// Schemas of the account and sign-in security forms (second factor, password, recovery codes), shared by the forms
// and the server actions. Messages are i18n keys (totp.errors.*).
import { z } from 'zod';

export const MIN_PASSWORD_LENGTH = 12;

export const secondFactorSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .min(1, { message: 'totp.errors.codeRequired' })
    .max(20, { message: 'totp.errors.code_format' }),
});
export type SecondFactorInput = z.input<typeof secondFactorSchema>;

export const totpCodeSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { message: 'totp.errors.code_format' }),
});
export type TotpCodeInput = z.input<typeof totpCodeSchema>;

export const restartEnrolmentSchema = z.strictObject({ restart: z.boolean() });

export const changePasswordSchema = z
  .strictObject({
    currentPassword: z
      .string()
      .min(1, { message: 'totp.errors.currentRequired' })
      .max(200, { message: 'totp.errors.passwordTooLong' }),
    newPassword: z
      .string()
      .min(MIN_PASSWORD_LENGTH, { message: 'totp.errors.passwordTooShort' })
      .max(200, { message: 'totp.errors.passwordTooLong' })
      .refine((value) => new Set(value).size >= 6, { message: 'totp.errors.passwordTooSimple' }),
    confirmPassword: z.string().max(200, { message: 'totp.errors.passwordTooLong' }),
  })
  .refine((value) => value.newPassword === value.confirmPassword, {
    path: ['confirmPassword'],
    message: 'totp.errors.passwordMismatch',
  });
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

export const signOutEverywhereSchema = z.strictObject({});
