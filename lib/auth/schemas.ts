// Sign-in form schemas, shared by the react-hook-form resolvers and the server. Messages are i18n keys under `signIn.errors`.
import { z } from 'zod';
import { MOBILE_PATTERN } from './mobile';

export const mobileSchema = z.string().trim().regex(MOBILE_PATTERN, { message: 'mobile_invalid' });

export const requestCodeSchema = z.strictObject({ mobile: mobileSchema });

export const citizenSignInSchema = z.strictObject({
  mobile: mobileSchema,
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { message: 'code_format' }),
});

export const staffSignInSchema = z.strictObject({
  username: z.string().trim().min(1, { message: 'username_required' }).max(64, { message: 'credentials' }),
  password: z.string().min(1, { message: 'password_required' }).max(200, { message: 'credentials' }),
});

export type RequestCodeInput = z.infer<typeof requestCodeSchema>;
export type CitizenSignInInput = z.infer<typeof citizenSignInSchema>;
export type StaffSignInInput = z.infer<typeof staffSignInSchema>;
