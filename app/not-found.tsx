// 404: says only that the page is not here; never whether something exists for someone else.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function NotFound() {
  const t = await getTranslations('notFound');
  return (
    <div className="max-w-2xl">
      <h1 className="mb-4 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-2">{t('body')}</p>
      <p className="mb-6">{t('check')}</p>
      <p>
        <Link href="/">{t('home')}</Link>
      </p>
    </div>
  );
}
