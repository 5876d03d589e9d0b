// The privacy notice (SPEC §17), public: the responsible body of the chosen province and its contact, the purposes,
// the data, the recipients, each retention period and the citizen's rights. Every version stays readable by number.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getFilingChoices } from '@/lib/cases/views/citizen-queries';
import { findPrivacyNotice, PRIVACY_NOTICE_VERSIONS } from '@/lib/privacy/notice';
import {
  DATA_REQUEST_DAYS,
  DEFAULT_RETENTION_DAYS,
  OTP_KEEP_MINUTES,
  SMS_LOG_KEEP_DAYS,
} from '@/lib/privacy/retention-periods';
import { retentionDaysFromEnv } from '@/lib/retention/erase-personal-data';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('privacyNotice');
  return { title: t('title') };
}

const SECTIONS = ['purposes', 'data', 'recipients', 'retention', 'rights'] as const;

function retentionDays(): number {
  try {
    return retentionDaysFromEnv();
  } catch {
    return DEFAULT_RETENTION_DAYS;
  }
}

export default async function PrivacyNoticePage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const notice = findPrivacyNotice(typeof params.version === 'string' ? params.version : undefined);
  const [t, tOld, { provinces }] = await Promise.all([
    getTranslations('privacyNotice'),
    getTranslations('citizenFiling.privacy'),
    getFilingChoices(),
  ]);
  const province = provinces.find((row) => row.code === params.province);
  const values = {
    days: retentionDays(),
    otpMinutes: OTP_KEEP_MINUTES,
    smsDays: SMS_LOG_KEEP_DAYS,
    requestDays: DATA_REQUEST_DAYS,
  };
  return (
    <div className="max-w-3xl">
      <h1 className="mb-1 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-6 text-muted" data-testid="notice-version">
        {t('version', { version: notice.version, date: notice.publishedOn })}
      </p>

      <section aria-labelledby="controller-heading" className="mb-6 border-l-4 border-action bg-panel px-4 py-3">
        <h2 id="controller-heading" className="mb-2 text-2xl font-bold">
          {t('controllerHeading')}
        </h2>
        <form method="get" className="mb-3 flex flex-wrap items-end gap-3">
          <input type="hidden" name="version" value={notice.version} />
          <div>
            <label htmlFor="notice-province" className="mb-1 block font-semibold">
              {t('provinceLabel')}
            </label>
            <select id="notice-province" name="province" defaultValue={province?.code ?? ''} className="input">
              <option value="">—</option>
              {provinces.map((row) => (
                <option key={row.code} value={row.code}>
                  {row.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button-secondary">
            {t('show')}
          </button>
        </form>
        {province ? (
          <div data-testid="notice-controller">
            <p className="mb-1 font-semibold">{t('controller', { province: province.name })}</p>
            <p className="m-0">{t('contact', { province: province.name })}</p>
          </div>
        ) : (
          <p className="m-0">{t('chooseProvince')}</p>
        )}
      </section>

      {notice.key === 'v2026_12' ? (
        SECTIONS.map((section) => (
          <section key={section} aria-labelledby={`notice-${section}`} className="mb-6">
            <h2 id={`notice-${section}`} className="mb-2 text-2xl font-bold">
              {t(`versions.v2026_12.${section}Heading`)}
            </h2>
            <p className="m-0">{t(`versions.v2026_12.${section}`, values)}</p>
            {section === 'rights' ? (
              <p className="mt-2">
                <Link href="/account/my-data">{t('versions.v2026_12.rightsLink')}</Link>
              </p>
            ) : null}
          </section>
        ))
      ) : (
        <section className="mb-6">
          <p className="mb-3 text-muted">{t('versions.v2026_01.note')}</p>
          {(['p1', 'p2', 'p3', 'p4', 'p5'] as const).map((key) => (
            <p key={key}>{tOld(key)}</p>
          ))}
        </section>
      )}

      <nav aria-labelledby="versions-heading" className="border-t border-rule pt-4">
        <h2 id="versions-heading" className="mb-2 text-xl font-bold">
          {t('otherVersions')}
        </h2>
        <ul className="m-0 list-none p-0">
          {PRIVACY_NOTICE_VERSIONS.map((row) => (
            <li key={row.version}>
              <Link
                href={`/privacy?version=${row.version}${province ? `&province=${province.code}` : ''}`}
                aria-current={row.version === notice.version ? 'page' : undefined}
              >
                {t('version', { version: row.version, date: row.publishedOn })}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
