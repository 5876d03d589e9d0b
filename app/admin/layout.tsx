// Administration section: its navigation, shown only to administrators (anyone else sees a plain 404 from the pages).
import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/i18n/client-messages';
import { SectionNav } from '@/components/ui/section-nav';
import { CalendarCoverageBanner } from '@/components/calendar/calendar-coverage-banner';
import { getCurrentUser } from '@/lib/auth/session';
import { checkCalendarCoverage } from '@/lib/reference/calendar-coverage';

const SECTIONS = [
  ['/admin', 'home'],
  ['/admin/staff', 'staff'],
  ['/admin/pools', 'pools'],
  ['/admin/policies', 'policies'],
  ['/admin/calendar', 'calendar'],
  ['/admin/catalogue', 'catalogue'],
  ['/admin/integration', 'integration'],
  ['/admin/operations', 'operations'],
] as const;

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  const admin = user?.role === 'ADMIN';
  const t = await getTranslations('admin.nav');
  return (
    <ClientMessages area="admin">
      {admin ? (
        <SectionNav
          label={t('label')}
          sections={SECTIONS.map(([href, key]) => ({
            href,
            label: t(key),
            within: href === '/admin' ? [] : undefined,
          }))}
        />
      ) : null}
      {admin ? <CalendarCoverageBanner coverage={await checkCalendarCoverage()} linkToCalendar /> : null}
      {children}
    </ClientMessages>
  );
}
