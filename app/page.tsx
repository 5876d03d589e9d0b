// Landing page: what the service is and how each kind of user signs in.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { HOME_PATH } from '@/lib/auth/scope';
import { getCurrentUser } from '@/lib/auth/session';

export default async function LandingPage() {
  const t = await getTranslations('landing');
  const user = await getCurrentUser();
  return (
    <div className="max-w-3xl">
      <h1 className="mb-4 text-3xl font-bold sm:text-4xl">{t('title')}</h1>
      <p className="mb-6 text-xl">{t('lead')}</p>

      {user ? (
        <p className="mb-8">
          <Link href={HOME_PATH[user.role]} className="button">
            {t('goHome')}
          </Link>
        </p>
      ) : null}

      <h2 className="mb-2 text-2xl font-bold">{t('citizenHeading')}</h2>
      <p className="mb-2">{t('citizenBody')}</p>
      <ul className="mb-4 list-disc pl-6">
        <li>{t('citizenPoint1')}</li>
        <li>{t('citizenPoint2')}</li>
        <li>{t('citizenPoint3')}</li>
      </ul>
      <p className="mb-2">
        <Link href="/sign-in#citizen" className="button">
          {t('citizenStart')}
        </Link>
      </p>
      <p className="mb-8">
        <Link href="/status">{t('statusLink')}</Link>
      </p>

      <h2 className="mb-2 text-2xl font-bold">{t('staffHeading')}</h2>
      <p className="mb-4">{t('staffBody')}</p>
      <p className="mb-8">
        <Link href="/sign-in#staff">{t('staffStart')}</Link>
      </p>

      <h2 className="mb-2 text-2xl font-bold">{t('privacyHeading')}</h2>
      <p className="mb-8">{t('privacyBody')}</p>

      <h2 className="mb-2 text-2xl font-bold">{t('transparencyHeading')}</h2>
      <p>
        <Link href="/transparency">{t('transparencyLink')}</Link>
      </p>
    </div>
  );
}
