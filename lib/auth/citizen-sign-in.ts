// Citizen sign-in with a mobile number and a one-time code (SPEC §11). A citizen account is just a verified
// mobile number: it is created on the first successful sign-in.
import 'server-only';
import { prisma } from '@/lib/db/client';
import { maskMobile } from './mobile';
import { checkOneTimeCode, type CodeCheckResult } from './otp';
import { createSession } from './sessions';

export type CitizenSignInResult =
  | { ok: true; userId: string; sessionId: string }
  | Exclude<CodeCheckResult, { ok: true }>
  | { ok: false; error: 'account_unavailable' };

export async function signInCitizen(input: {
  mobile: string;
  code: string;
  ip: string;
  now?: Date;
}): Promise<CitizenSignInResult> {
  const now = input.now ?? new Date();
  const checked = await checkOneTimeCode({
    purpose: 'SIGN_IN',
    mobile: input.mobile,
    code: input.code,
    ip: input.ip,
    now,
  });
  if (!checked.ok) return checked;

  return prisma.$transaction(async (tx) => {
    const user = await tx.user.upsert({
      where: { mobile: input.mobile },
      create: { role: 'CITIZEN', mobile: input.mobile, displayName: maskMobile(input.mobile) },
      update: {},
      select: { id: true, role: true, active: true },
    });
    // A number registered to a staff account, or a disabled citizen, cannot be used to sign in as a citizen.
    if (user.role !== 'CITIZEN' || !user.active) return { ok: false, error: 'account_unavailable' } as const;
    const sessionId = await createSession(tx, user.id, now);
    return { ok: true, userId: user.id, sessionId } as const;
  });
}
