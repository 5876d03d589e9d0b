// The read-only parts of the reviewer's case screen, rendered on the server from the plain StaffCaseView: the deadline
// and why it is due then, the appellant, the disputed code, the appeal itself, evidence, the province's own code record,
// questions and answers, and decisions.
import type { ReactNode } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { ProvisionalNote } from '@/components/calendar/provisional-note';
import { OPEN_STATES } from '@/lib/cases/rules/transitions';
import type { StaffCaseView } from '@/lib/cases/views/staff-case-view';
import { ColourBadge, OverreachBadge } from './case-badges';
import { DeadlineBadge } from './deadline-badge';
import { formatDateTime, timeLeftParts } from '@/lib/i18n/format-date';

export function Section({
  id,
  title,
  children,
  testId,
}: {
  id: string;
  title: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className="mb-8" data-testid={testId}>
      <h2 id={`${id}-heading`} className="mb-3 border-b-2 border-ink pb-1 text-2xl font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="m-0 grid grid-cols-1 gap-x-6 sm:grid-cols-[minmax(8rem,14rem)_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-semibold sm:mb-2">{label}</dt>
          <dd className="mb-3 ml-0 break-words sm:mb-2">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function DeadlineFrame({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <section
      aria-labelledby="deadline-heading"
      className="mb-8 border-l-4 border-ink bg-panel px-4 py-3"
      data-testid="case-deadline"
    >
      <h2 id="deadline-heading" className="mb-2 text-xl font-bold">
        {heading}
      </h2>
      {children}
    </section>
  );
}

export function DeadlineSection({ view }: { view: StaffCaseView }) {
  const t = useTranslations('reviewCase.deadline');
  const tDecisions = useTranslations('reviewCase.decisions');
  const locale = useLocale();
  const { deadline } = view;
  // A decided, final, closed or withdrawn case has no clock any more: say when it was decided and whether in time.
  if (!OPEN_STATES.includes(view.state)) {
    const decision = view.decisions.at(-1);
    return (
      <DeadlineFrame heading={t('heading')}>
        <p className="m-0 text-lg font-semibold" data-testid="deadline-settled">
          {decision
            ? t('decided', {
                time: formatDateTime(decision.decidedAt, locale),
                verdict: tDecisions(decision.withinDeadline ? 'inTime' : 'late'),
              })
            : t('stopped')}
        </p>
      </DeadlineFrame>
    );
  }
  return (
    <DeadlineFrame heading={t('heading')}>
      <p className="mb-2">
        <DeadlineBadge status={deadline.status} timeLeftMs={deadline.timeLeftMs} />
      </p>
      <p className="mb-2 text-lg font-semibold">{t('dueAt', { time: formatDateTime(deadline.dueAt, locale) })}</p>
      {deadline.pausedSince ? (
        <p className="mb-2 font-semibold" data-testid="clock-paused">
          {t('paused', {
            since: formatDateTime(deadline.pausedSince, locale),
            ...timeLeftParts(deadline.dueAt.getTime() - deadline.pausedSince.getTime()),
          })}
        </p>
      ) : (
        <p className="mb-2" data-testid="clock-running">
          {t('running', { time: formatDateTime(deadline.atRiskAt, locale) })}
        </p>
      )}
      <ProvisionalNote provisional={deadline.provisional} />
      <p className="m-0 text-sm" data-testid="deadline-explanation">
        {t('why', { explanation: locale === 'en' ? deadline.explanation.en : deadline.explanation.zh })}
      </p>
    </DeadlineFrame>
  );
}

export function AppealSections({ view, identity }: { view: StaffCaseView; identity: ReactNode }) {
  const t = useTranslations('reviewCase');
  const tTerms = useTranslations('reviewTerms');
  const tTypes = useTranslations('caseTypes');
  const locale = useLocale();
  const ruleName = (rule: { nameZh: string | null; nameEn: string | null; code: string } | null) =>
    rule ? ((locale === 'en' ? rule.nameEn : rule.nameZh) ?? rule.code) : t('code.noReason');
  const place = (named: { code: string; name: string | null }) => `${named.name ?? named.code}（${named.code}）`;
  return (
    <>
      <Section id="appellant" title={t('appellant.heading')}>
        <Facts
          rows={[
            [t('appellant.name'), view.applicantName ?? t('erased')],
            [t('appellant.idNumber'), identity],
            [t('appellant.mobile'), view.mobileMasked ?? t('erased')],
          ]}
        />
      </Section>
      <Section id="code" title={t('code.heading')}>
        <Facts
          rows={[
            [t('code.type'), tTypes(view.type)],
            [t('code.colour'), <ColourBadge key="colour" colour={view.colour} />],
            [t('code.assignedAt'), formatDateTime(view.codeAssignedAt, locale)],
            [t('code.issuedBy'), `${place(view.issuingProvince)} · ${place(view.issuingUnit)}`],
            ...(view.refusingProvince
              ? ([[t('code.refusedBy'), place(view.refusingProvince)]] as [string, ReactNode][])
              : []),
            [
              t('code.statedReason'),
              `${ruleName(view.statedReason)} · ${t('code.catalogue', { version: view.catalogueVersion })}`,
            ],
            [
              t('code.overreach'),
              view.overreach ? (
                <span key="overreach">
                  <OverreachBadge />{' '}
                  {view.overreachReason && tTerms.has(`overreachReasons.${view.overreachReason}`)
                    ? tTerms(`overreachReasons.${view.overreachReason}` as 'overreachReasons.NO_REASON_STATED')
                    : view.overreachReason}
                </span>
              ) : (
                t('code.noOverreach')
              ),
            ],
          ]}
        />
      </Section>
      <Section id="appeal" title={t('appeal.heading')}>
        <Facts
          rows={[
            [t('appeal.filedAt'), formatDateTime(view.filedAt, locale)],
            [t('appeal.grounds'), tTerms(`grounds.${view.grounds}`)],
            [t('appeal.requestedOutcome'), tTerms(`requestedOutcomes.${view.requestedOutcome}`)],
            [t('appeal.assignee'), view.assignee ? view.assignee.name : t('appeal.unassigned')],
          ]}
        />
        <h3 className="mt-4 mb-2 text-lg font-bold">{t('appeal.statement')}</h3>
        <blockquote className="m-0 border-l-4 border-rule bg-panel p-3 whitespace-pre-wrap" data-testid="statement">
          {view.statement}
        </blockquote>
      </Section>
    </>
  );
}

export function RecordSections({ view }: { view: StaffCaseView }) {
  const t = useTranslations('reviewCase');
  const tTerms = useTranslations('reviewTerms');
  const locale = useLocale();
  const record = view.codeAssignment;
  return (
    <>
      <Section id="evidence" title={t('evidence.heading')} testId="evidence">
        {view.evidence.length === 0 ? (
          <p>{t('evidence.none')}</p>
        ) : (
          <ul className="m-0 list-none p-0">
            {view.evidence.map((file) => (
              <li key={file.id} className="mb-2">
                <a href={`/evidence/${file.id}`} download>
                  {file.fileName}
                </a>{' '}
                <span className="text-muted">
                  {t('evidence.meta', {
                    kind: tTerms(`evidenceKinds.${file.kind}`),
                    size: Math.max(1, Math.round(file.sizeBytes / 1024)),
                    time: formatDateTime(file.createdAt, locale),
                  })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="record" title={t('record.heading')} testId="code-record">
        {record ? (
          <Facts
            rows={[
              [
                t('record.recordId'),
                <span key="id" className="font-mono">
                  {record.recordId}
                </span>,
              ],
              [t('code.colour'), <ColourBadge key="colour" colour={record.colour} />],
              [
                t('record.reason'),
                record.reason ? (locale === 'en' ? record.reason.nameEn : record.reason.nameZh) : record.reasonCode,
              ],
              [t('code.assignedAt'), formatDateTime(record.assignedAt, locale)],
              [t('record.unit'), `${record.issuingUnit.name ?? record.issuingUnit.code}（${record.issuingUnit.code}）`],
              [t('record.receivedAt'), formatDateTime(record.receivedAt, locale)],
            ]}
          />
        ) : (
          <p>{t('record.none')}</p>
        )}
      </Section>

      <Section id="requests" title={t('requests.heading')} testId="information-requests">
        {view.informationRequests.length === 0 ? (
          <p>{t('requests.none')}</p>
        ) : (
          <ol className="m-0 list-none p-0">
            {view.informationRequests.map((request) => (
              <li key={request.id} className="mb-4 border-l-4 border-rule pl-3" data-testid="information-request">
                <p className="mb-1 text-muted">
                  {t('requests.asked', {
                    time: formatDateTime(request.requestedAt, locale),
                    name: request.requestedBy ?? '',
                    due: formatDateTime(request.replyDueAt, locale),
                  })}
                </p>
                <p className="mb-2 whitespace-pre-wrap">{request.message}</p>
                {request.repliedAt ? (
                  <>
                    <p className="mb-1 font-semibold">
                      {t('requests.replied', { time: formatDateTime(request.repliedAt, locale) })}
                    </p>
                    <p className="m-0 bg-panel p-2 whitespace-pre-wrap" data-testid="citizen-reply">
                      {request.replyText}
                    </p>
                  </>
                ) : (
                  <p className="m-0 font-semibold">{t('requests.waiting')}</p>
                )}
              </li>
            ))}
          </ol>
        )}
      </Section>

      <Section id="decisions" title={t('decisions.heading')} testId="decisions">
        {view.decisions.length === 0 ? (
          <p>{t('decisions.none')}</p>
        ) : (
          view.decisions.map((decision) => (
            <div key={decision.id} className="mb-4 border-l-4 border-ink pl-3" data-testid="decision">
              <Facts
                rows={[
                  [t('decisions.level'), tTerms(`decisionLevels.${decision.level}`)],
                  [t('decisions.outcome'), tTerms(`decisionOutcomes.${decision.outcome}`)],
                  [
                    t('decisions.rule'),
                    (locale === 'en' ? decision.rule.nameEn : decision.rule.nameZh) ?? decision.rule.code,
                  ],
                  [t('decisions.decidedBy'), decision.decidedBy],
                  [
                    t('decisions.decidedAt'),
                    `${formatDateTime(decision.decidedAt, locale)} · ${t(decision.withinDeadline ? 'decisions.inTime' : 'decisions.late')}`,
                  ],
                ]}
              />
              <p className="m-0 whitespace-pre-wrap">{decision.reasons}</p>
            </div>
          ))
        )}
        {view.correction.sentAt || view.correction.confirmedAt ? (
          <p className="mt-2" data-testid="correction">
            {view.correction.sentAt
              ? t('decisions.correctionSent', { time: formatDateTime(view.correction.sentAt, locale) })
              : null}{' '}
            {view.correction.confirmedAt
              ? t('decisions.correctionConfirmed', { time: formatDateTime(view.correction.confirmedAt, locale) })
              : null}
          </p>
        ) : null}
      </Section>
    </>
  );
}
