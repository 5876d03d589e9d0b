// Switches between Chinese and English: a plain form posting to a server action that sets the NEXT_LOCALE cookie.
import { getTranslations } from 'next-intl/server';
import { setLocaleAction } from '@/app/actions/set-locale';

export async function LanguageSwitch({ locale }: { locale: string }) {
  const t = await getTranslations('layout');
  const target = locale === 'en' ? 'zh-CN' : 'en';
  return (
    <form action={setLocaleAction}>
      <input type="hidden" name="locale" value={target} />
      <button
        type="submit"
        lang={target}
        className="cursor-pointer border-2 border-white bg-transparent px-2 py-1 text-sm text-white hover:bg-white hover:text-ink focus-visible:bg-focus focus-visible:text-ink"
      >
        <span className="sr-only" lang={locale}>
          {t('switchLanguage')}
        </span>
        {target === 'en' ? 'English' : '中文'}
      </button>
    </form>
  );
}
