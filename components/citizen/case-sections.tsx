// The parts of the citizen's case page: the deadline (and whether it is paused), the progress timeline in plain words,
// the evidence files with their download links, and what the appeal says. Rendered on the server from plain objects.
import type { ReactNode } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { ProvisionalNote } from '@/components/calendar/provisional-note';
import { Section } from '@/components/ui/section';
import type { CaseDeadlineView, CitizenCaseView, EvidenceView, TimelineEntry } from '@/lib/cases/views/citizen-queries';
import { formatDateTime, timeLeftParts } from '@/lib/i18n/format-date';

export function DeadlinePanel({ deadline }: { deadline: CaseDeadlineView | null }) {
  const t = useTranslations('citizenCase');
  const tTerms = useTranslations('citizenTerms');
  const locale = useLocale();
  return (
    <section
      aria-labelledby="deadline-heading"
      className="mb-8 border-l-4 border-ink bg-panel px-4 py-3"
      data-testid="deadline"
    >
      <h2 id="deadline-heading" className="mb-2 text-xl font-bold">
        {t('deadlineHeading')}
      </h2>
      {deadline ? (
        <>
          {deadline.paused && deadline.status !== 'OVERDUE' ? (
            <>
              <p className="mb-2 text-lg font-semibold" data-testid="deadline-paused">
                {t('paused')}
              </p>
              <p className="mb-2">{t('pausedLeft', timeLeftParts(deadline.timeLeftMs))}</p>
            </>
          ) : (
            <p className="mb-2 text-lg font-semibold">
              {t(deadline.stage === 'SECOND_REVIEW' ? 'deadlineSecond' : 'deadlineFirst', {
                time: `${formatDateTime(deadline.dueAt, locale)}${tTerms('beijingTime')}`,
              })}
            </p>
          )}
          <ProvisionalNote provisional={deadline.provisional} />
          {deadline.status === 'OVERDUE' ? <p className="mb-2 font-semibold text-danger">{t('overdue')}</p> : null}
          <p className="m-0 text-sm text-muted">
            {t('deadlineWhy', { explanation: locale === 'en' ? deadline.explanation.en : deadline.explanation.zh })}
          </p>
        </>
      ) : (
        <p className="m-0">{t('noDeadline')}</p>
      )}
    </section>
  );
}

export function CaseTimeline({ entries }: { entries: TimelineEntry[] }) {
  const t = useTranslations('citizenCase');
  const tTimeline = useTranslations('citizenTimeline');
  const locale = useLocale();
  return (
    <Section id="timeline-heading" heading={t('timelineHeading')}>
      <ol className="m-0 list-none border-l-4 border-rule p-0 pl-4" data-testid="timeline">
        {entries.map((entry, position) => (
          <li key={`${entry.kind}-${position}`} className="mb-3" data-testid="timeline-entry" data-kind={entry.kind}>
            <p className="m-0 font-semibold">{tTimeline(entry.kind)}</p>
            <p className="m-0 text-sm text-muted">
              <time dateTime={entry.at.toISOString()}>{formatDateTime(entry.at, locale)}</time>
            </p>
          </li>
        ))}
      </ol>
    </Section>
  );
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function EvidenceList({ files }: { files: EvidenceView[] }) {
  const t = useTranslations('citizenCase');
  const locale = useLocale();
  return (
    <Section id="evidence-heading" heading={t('evidenceHeading')}>
      {files.length === 0 ? (
        <p>{t('evidenceNone')}</p>
      ) : (
        <ul className="m-0 list-none p-0" data-testid="case-evidence">
          {files.map((file) => (
            <li key={file.id} className="mb-3 border-b border-rule pb-3">
              <a
                href={`/evidence/${file.id}`}
                download
                className="break-all font-semibold"
                data-testid="evidence-download"
              >
                <span className="sr-only">{t('download')} </span>
                {file.fileName}
              </a>
              <p className="m-0 text-sm text-muted">
                {formatBytes(file.sizeBytes)} · {t(`evidenceKinds.${file.kind}`)} ·{' '}
                {formatDateTime(file.addedAt, locale)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/** One row of a summary list: the label, then its value (side by side from 640 px). */
function SummaryRow({ label, className = '', children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 border-b border-rule py-2 sm:grid-cols-[12rem_1fr] sm:gap-4">
      <dt className="font-semibold">{label}</dt>
      <dd className={`m-0 ${className}`}>{children}</dd>
    </div>
  );
}

export function CaseDetails({ view }: { view: CitizenCaseView }) {
  const t = useTranslations('citizenCase');
  const tRows = useTranslations('citizenFiling.check.rows');
  const tTerms = useTranslations('citizenTerms');
  const tTypes = useTranslations('caseTypes');
  const locale = useLocale();
  const rows: [string, string][] = [
    [tRows('type'), tTypes(view.type)],
    [tRows('colour'), tTerms(`colours.${view.colour}`)],
    [tRows('assignedAt'), `${formatDateTime(view.codeAssignedAt, locale)}${tTerms('beijingTime')}`],
    [tRows('issuing'), `${view.issuingProvinceName} ${view.issuingUnitName}`],
    ...(view.refusingProvinceName ? [[tRows('refusing'), view.refusingProvinceName] as [string, string]] : []),
    [
      tRows('reason'),
      view.statedReason ? (locale === 'en' ? view.statedReason.nameEn : view.statedReason.nameZh) : tTerms('noReason'),
    ],
    [tRows('grounds'), tTerms(`grounds.${view.grounds}`)],
    [tRows('outcome'), tTerms(`requestedOutcomes.${view.requestedOutcome}`)],
  ];
  const you: [string, string | null][] = [
    [tRows('name'), view.applicantName],
    [tRows('idNumber'), view.idNumberMasked],
    [tRows('mobile'), view.mobileMasked],
  ];
  return (
    <>
      <Section id="details-heading" heading={t('detailsHeading')}>
        <dl className="m-0 border-t border-rule">
          {rows.map(([label, value]) => (
            <SummaryRow key={label} label={label}>
              {value}
            </SummaryRow>
          ))}
          <SummaryRow label={tRows('statement')} className="whitespace-pre-wrap break-words">
            {view.statement}
          </SummaryRow>
        </dl>
      </Section>
      <Section id="you-heading" heading={t('youHeading')}>
        <dl className="m-0 border-t border-rule">
          {you
            .filter((row): row is [string, string] => row[1] !== null)
            .map(([label, value]) => (
              <SummaryRow key={label} label={label} className="font-mono">
                {value}
              </SummaryRow>
            ))}
        </dl>
      </Section>
    </>
  );
}
