// The supervisor's mass incidents (SPEC §16): the open incidents of their scope, with growth, each linking to its page.
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { IncidentsSection } from '@/components/supervisor/incidents-section';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/scope';
import { listOpenIncidents } from '@/lib/incidents/incident-views';
import { supervisorScopeOf } from '@/lib/supervision/scope';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('incidents');
  return { title: t('title') };
}

export default async function IncidentsPage() {
  const user = await requireUser(['SUPERVISOR'], '/supervise/incidents');
  const scope = supervisorScopeOf(user);
  const [t, incidents] = await Promise.all([getTranslations('incidents'), listOpenIncidents(scope)]);
  return (
    <div>
      <PageHeader title={t('title')} />
      <p className="mb-4 max-w-3xl">{t('intro')}</p>
      <IncidentsSection rows={incidents.rows} total={incidents.total} showProvince={scope.provinceCode === null} />
    </div>
  );
}
