// Switches between Chinese and English: a plain form posting to a server action that sets the NEXT_LOCALE cookie.
import { getTranslations } from 'next-intl/server';

/** The form's server action: sets the NEXT_LOCALE cookie from the posted `locale` (handed down by the layout). */
export type SetLocaleAction = (formData: FormData) => Promise<void>;

export async function LanguageSwitch({ locale, setLocale }: { locale: string; setLocale: SetLocaleAction }) {
  const t = await getTranslations('layout');
  const target = locale === 'en' ? 'zh-CN' : 'en';
  return (
    <form action={setLocale}>
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
