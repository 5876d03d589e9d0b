// Administration section: its navigation, shown only to administrators (anyone else sees a plain 404 from the pages).
import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/i18n/client-messages';
import { AdminNav } from '@/components/admin/admin-nav';
import { CalendarCoverageBanner } from '@/components/calendar/calendar-coverage-banner';
import { getCurrentUser } from '@/lib/auth/session';
import { checkCalendarCoverage } from '@/lib/reference/calendar-coverage';

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  const admin = user?.role === 'ADMIN';
  return (
    <ClientMessages area="admin">
      {admin ? <AdminNav /> : null}
      {admin ? <CalendarCoverageBanner coverage={await checkCalendarCoverage()} linkToCalendar /> : null}
      {children}
    </ClientMessages>
  );
}
