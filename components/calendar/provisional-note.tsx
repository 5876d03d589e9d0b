// Marks a deadline counted through a year whose working-day calendar is not published yet (SPEC §18).
import { useTranslations } from 'next-intl';

/** The note under a deadline counted through a year without a published calendar. */
export function ProvisionalNote({ provisional }: { provisional: boolean }) {
  const t = useTranslations('calendarCoverage');
  if (!provisional) return null;
  return (
    <p data-testid="deadline-provisional" className="mb-2 border-l-4 border-focus pl-2">
      <strong>{t('provisional')}</strong>：{t('provisionalHint')}
    </p>
  );
}
