'use server';
// The language switch: remembers the chosen language in the NEXT_LOCALE cookie (read by lib/i18n/request.ts).
import { cookies } from 'next/headers';
import { z } from 'zod';
import { defineAction } from '@/lib/auth/action';
import { LOCALE_COOKIE, LOCALES } from '@/lib/i18n/config';

const setLocale = defineAction({
  schema: z.strictObject({ locale: z.enum(LOCALES) }),
  roles: 'public',
  async handler({ locale }) {
    (await cookies()).set(LOCALE_COOKIE, locale, {
      path: '/',
      maxAge: 60 * 60 * 24 * 365,
      sameSite: 'lax',
      httpOnly: true,
      secure: (process.env.NEXTAUTH_URL ?? '').startsWith('https://'),
    });
  },
});

export async function setLocaleAction(formData: FormData): Promise<void> {
  // A direct POST may carry anything but form data: the schema then refuses it.
  await setLocale({ locale: formData instanceof FormData ? formData.get('locale') : null });
}
