// The supervision console: section navigation above every supervision page (each page checks the role itself). Each
// page's folder sends its own messages to the browser (its layout), so the board does not carry the case pages'.
import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { SectionNav } from '@/components/ui/section-nav';
import { getCurrentUser } from '@/lib/auth/session';

const SECTIONS = [
  ['/supervise', 'board'],
  ['/supervise/second-review', 'secondReview'],
  ['/supervise/incidents', 'incidents'],
  ['/supervise/analytics', 'analytics'],
  ['/supervise/audit', 'audit'],
  ['/supervise/data-requests', 'dataRequests'],
  ['/supervise/interim-relief', 'interimRelief'],
] as const;

export default async function SuperviseLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  const t = await getTranslations('supervise.nav');
  return (
    <>
      {user?.role === 'SUPERVISOR' ? (
        <SectionNav
          label={t('label')}
          // A case page belongs to the board it is opened from.
          sections={SECTIONS.map(([href, key]) => ({
            href,
            label: t(key),
            within: href === '/supervise' ? ['/supervise/cases/'] : undefined,
          }))}
        />
      ) : null}
      {children}
    </>
  );
}
