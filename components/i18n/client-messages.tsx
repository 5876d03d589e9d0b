// The messages an area's client components need (lib/i18n/client-messages.ts), for the pages below an area's layout;
// the root layout gives the header and the error boundary theirs. Locale, time zone and formats come as before.
import type { ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import { clientNamespacesFor, pickMessages, type ClientMessageArea } from '@/lib/i18n/client-messages';

export async function ClientMessages({ area, children }: { area: ClientMessageArea | null; children: ReactNode }) {
  const messages = await getMessages();
  return (
    <NextIntlClientProvider messages={pickMessages(messages, clientNamespacesFor(area))}>
      {children}
    </NextIntlClientProvider>
  );
}
