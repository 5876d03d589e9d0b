// The time left on a case, colour-coded and always spelled out (colour is never the only signal): overdue, at risk,
// paused (with the time left frozen when the clock stopped) or on track.
import { useTranslations } from 'next-intl';
import type { DeadlineStatus } from '@/lib/cases/rules/deadlines';
import { timeLeftParts } from '@/lib/i18n/format-date';

const STYLES: Record<DeadlineStatus, string> = {
  OVERDUE: 'bg-danger text-white',
  AT_RISK: 'border-l-4 border-[#b35900] bg-[#fff1d6] text-ink',
  PAUSED: 'border-l-4 border-muted bg-panel text-ink',
  ON_TRACK: 'border-l-4 border-action bg-white text-ink',
};

export function DeadlineBadge({ status, timeLeftMs }: { status: DeadlineStatus; timeLeftMs: number }) {
  const t = useTranslations('reviewTerms.deadline');
  return (
    <span className={`badge ${STYLES[status]}`} data-testid="deadline-badge" data-status={status}>
      {t(status, timeLeftParts(timeLeftMs))}
    </span>
  );
}
