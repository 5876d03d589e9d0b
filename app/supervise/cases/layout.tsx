// The messages the case page's client components use (lib/i18n/client-messages.ts).
import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/i18n/client-messages';

export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages area="supervise/cases">{children}</ClientMessages>;
}
