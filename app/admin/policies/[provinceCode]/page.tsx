// One province's deadline policy: every published version, and a form to publish the next one (never longer than the
// national maxima; cases already filed keep their deadlines).
import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { PolicyForm } from '@/components/admin/policy-form';
import { PolicyValues } from '@/components/admin/policy-values';
import { getProvincePolicyHistory } from '@/lib/admin/list-deadline-policies';
import { orNotFound } from '@/lib/admin/page-guard';
import { requireUser } from '@/lib/auth/scope';
import { publishDeadlinePolicyAction } from '@/app/admin/policies/actions';
import { Section } from '@/components/ui/section';
import { formatDateTime } from '@/lib/i18n/format-date';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.policy');
  return { title: t('title') };
}

export default async function ProvincePolicyPage({ params }: { params: Promise<{ provinceCode: string }> }) {
  const { provinceCode } = await params;
  const user = await requireUser(['ADMIN'], `/admin/policies/${encodeURIComponent(provinceCode)}`);
  const history = await orNotFound(getProvincePolicyHistory(user, provinceCode));
  const [t, locale] = await Promise.all([getTranslations('admin.policy'), getLocale()]);
  const latest = history.versions[0] ?? null;
  const start = latest ?? history.national;
  return (
    <div>
      <p className="mb-4">
        <Link href="/admin/policies">{t('back')}</Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">{t('heading', { province: history.provinceName })}</h1>
      <p className="mb-6 text-muted">{t('intro')}</p>
      <div className="grid gap-10 md:grid-cols-2">
        <Section id="publish-heading" heading={t('publishHeading')} className="">
          {history.national && start ? (
            <PolicyForm
              action={publishDeadlinePolicyAction}
              provinceCode={history.provinceCode}
              basedOnVersion={latest?.version ?? null}
              initial={{
                redHours: start.redHours,
                yellowHours: start.yellowHours,
                recognitionHours: start.recognitionHours,
                secondReviewWorkingDays: start.secondReviewWorkingDays,
                citizenReplyHours: start.citizenReplyHours,
              }}
              national={history.national}
            />
          ) : (
            <p>{t('noNational')}</p>
          )}
        </Section>
        <Section id="history-heading" heading={t('historyHeading')} className="">
          {history.versions.length === 0 ? <p data-testid="policy-history-empty">{t('noVersions')}</p> : null}
          <ol className="m-0 list-none p-0">
            {history.versions.map((version) => (
              <li
                key={version.id}
                className="mb-4 border-l-4 border-rule pl-4"
                data-testid={`policy-version-${version.version}`}
              >
                <h3 className="mb-1 text-lg font-bold">{t('version', { version: version.version })}</h3>
                <p className="mb-2 text-sm text-muted">
                  {t('effectiveFrom', {
                    date: formatDateTime(version.effectiveFrom, locale),
                  })}
                </p>
                <PolicyValues values={version} />
              </li>
            ))}
          </ol>
        </Section>
      </div>
    </div>
  );
}
