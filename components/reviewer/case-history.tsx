// The case's audit history in words staff can read: when, who (name and role), what, the state it moved between, and
// the written reason. Citizens appear by role only; ID numbers never appear (they are not in the audit payloads).
import { useLocale, useTranslations } from 'next-intl';
import type { HistoryEntry } from '@/lib/cases/views/staff-case-view';
import { Section } from './case-sections';
import { formatDateTime } from '@/lib/i18n/format-date';

export function CaseHistory({ entries }: { entries: HistoryEntry[] }) {
  const t = useTranslations('reviewCase.history');
  const tStates = useTranslations('states');
  const tRoles = useTranslations('roles');
  const tTerms = useTranslations('reviewTerms');
  const locale = useLocale();
  const actionLabel = (action: string) =>
    t.has(`actions.${action}`) ? t(`actions.${action}` as 'actions.CASE_FILED') : action;
  const roleLabel = (role: string) =>
    tRoles.has(role) ? tRoles(role as 'REVIEWER') : role === 'SYSTEM' ? t('system') : role;
  return (
    <Section id="history" title={t('heading')} testId="case-history">
      <ol className="m-0 list-none p-0">
        {entries.map((entry, index) => (
          <li
            key={index}
            className="mb-3 border-l-4 border-rule pl-3"
            data-testid="history-entry"
            data-action={entry.action}
          >
            <p className="m-0 font-semibold">{actionLabel(entry.action)}</p>
            <p className="m-0 text-sm text-muted">
              {formatDateTime(entry.at, locale)} ·{' '}
              {entry.actorName ? `${entry.actorName}（${roleLabel(entry.actorRole)}）` : roleLabel(entry.actorRole)}
            </p>
            {entry.fromState && entry.toState ? (
              <p className="m-0 text-sm">
                {t('moved', { from: tStates(entry.fromState), to: tStates(entry.toState) })}
              </p>
            ) : null}
            {entry.outcome ? (
              <p className="m-0 text-sm">{t('outcome', { outcome: tTerms(`decisionOutcomes.${entry.outcome}`) })}</p>
            ) : null}
            {entry.toProvince ? (
              <p className="m-0 text-sm">{t('province', { from: entry.fromProvince ?? '', to: entry.toProvince })}</p>
            ) : null}
            {entry.assigneeName ? <p className="m-0 text-sm">{t('assignee', { name: entry.assigneeName })}</p> : null}
            {entry.reason ? (
              <p className="m-0 text-sm whitespace-pre-wrap">{t('reason', { reason: entry.reason })}</p>
            ) : null}
          </li>
        ))}
      </ol>
    </Section>
  );
}
