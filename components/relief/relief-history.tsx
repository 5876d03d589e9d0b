'use client';
// The interim relief on a case (SPEC §15), for the citizen and for staff alike: each request, its answer and reason,
// the temporary colour and until when, whether the province applied it, and how it ended. Times in Asia/Shanghai.
import { useLocale, useTranslations } from 'next-intl';
import type { ReliefEntry } from '@/lib/cases/views/interim-relief';
import { formatDateTime } from '@/lib/i18n/format-date';

export function ReliefHistory({ entries, showDetail = true }: { entries: ReliefEntry[]; showDetail?: boolean }) {
  const t = useTranslations('interimRelief');
  const locale = useLocale();
  const at = (date: Date) => `${formatDateTime(date, locale)}${t('beijingTime')}`;
  if (entries.length === 0) return <p className="mb-4">{t('none')}</p>;
  return (
    <ol className="m-0 mb-4 list-none p-0">
      {entries.map((entry) => (
        <li
          key={entry.id}
          className="mb-4 border-l-4 border-action bg-panel px-4 py-3"
          data-testid="relief-entry"
          data-status={entry.status}
        >
          <p className="mb-1 text-lg font-semibold" data-testid="relief-status">
            {t(`status.${entry.status}`)}
          </p>
          <p className="mb-1">{t('asked', { time: at(entry.requestedAt), reason: t(`reasons.${entry.reason}`) })}</p>
          {showDetail && entry.detail ? (
            <p className="mb-1 whitespace-pre-wrap break-words border-l-4 border-rule pl-3">{entry.detail}</p>
          ) : null}
          {entry.toColour && entry.decidedAt ? (
            <p className="mb-1" data-testid="relief-granted">
              {t(entry.automatic ? 'grantedAutomatically' : 'granted', {
                time: at(entry.decidedAt),
                colour: t(`colours.${entry.toColour}`),
              })}
            </p>
          ) : null}
          {entry.status === 'REFUSED' && entry.decidedAt ? (
            <p className="mb-1">{t('refused', { time: at(entry.decidedAt) })}</p>
          ) : null}
          {entry.decisionReason ? (
            <p className="mb-1 whitespace-pre-wrap break-words">
              {t('because')} {entry.decisionReason}
            </p>
          ) : null}
          {entry.status === 'GRANTED' && entry.expiresAt ? (
            <p className="mb-1 font-semibold" data-testid="relief-expires">
              {t('until', { time: at(entry.expiresAt) })}
            </p>
          ) : null}
          {entry.toColour ? (
            <p className="mb-1">
              {entry.orderConfirmedAt
                ? t('confirmed', { time: at(entry.orderConfirmedAt) })
                : entry.orderSentAt
                  ? t('sent', { time: at(entry.orderSentAt) })
                  : t('notYetSent')}
            </p>
          ) : null}
          {entry.endedAt && entry.endCause ? (
            <p className="mb-1">
              {t(`ended.${entry.status === 'LAPSED' ? 'LAPSED' : entry.endCause}`, { time: at(entry.endedAt) })}
              {entry.revertConfirmedAt ? ` ${t('revertConfirmed', { time: at(entry.revertConfirmedAt) })}` : ''}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
