// "My personal data" (SPEC §17): the citizen's copy of what the service holds (printable), the JSON download, their
// requests with the answers, and the way to make a new one. The download and this page show the same copy.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { PrintButton } from '@/components/citizen/print-button';
import { requireUser } from '@/lib/auth/scope';
import { exportPersonalData } from '@/lib/privacy/export-personal-data';
import { CURRENT_PRIVACY_NOTICE } from '@/lib/privacy/notice';
import { listMyDataRequests } from '@/lib/privacy/queries';
import '@/components/citizen/printable.css';
import { formatDateTime } from '@/lib/i18n/format-date';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('privacy.myData');
  return { title: t('title') };
}

export default async function MyDataPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser(['CITIZEN'], '/account/my-data');
  const [copy, requests, t, tRequest, tStates, tTerms, locale] = await Promise.all([
    exportPersonalData(user),
    listMyDataRequests(user),
    getTranslations('privacy.myData'),
    getTranslations('privacy.request'),
    getTranslations('citizenStates'),
    getTranslations('citizenTerms'),
    getLocale(),
  ]);
  const done = (await searchParams).done === 'requested';
  const time = (iso: string | null) => (iso ? formatDateTime(new Date(iso), locale) : '—');
  return (
    <div className="max-w-3xl" data-printable>
      {done ? (
        <p
          role="status"
          className="mb-6 border-l-4 border-action bg-panel px-4 py-3 font-semibold"
          data-testid="done-banner"
        >
          {tRequest('done')}
        </p>
      ) : null}
      <h1 className="mb-2 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-2">{t('intro')}</p>
      <p className="mb-6" data-print="hide">
        <Link href={`/privacy?version=${CURRENT_PRIVACY_NOTICE.version}`}>
          {t('noticeLink', { version: CURRENT_PRIVACY_NOTICE.version })}
        </Link>
      </p>

      <section aria-labelledby="download-heading" className="mb-8 border-t-4 border-ink pt-4" data-print="hide">
        <h2 id="download-heading" className="mb-3 text-2xl font-bold">
          {t('downloadHeading')}
        </h2>
        <div className="flex flex-wrap gap-3">
          <a href="/account/my-data/export" className="button" data-testid="download-json" download>
            {t('downloadJson')}
          </a>
          <PrintButton label={t('print')} />
        </div>
      </section>

      <section aria-labelledby="requests-heading" className="mb-8 border-t-4 border-ink pt-4" data-print="hide">
        <h2 id="requests-heading" className="mb-3 text-2xl font-bold">
          {t('requestsHeading')}
        </h2>
        {requests.length === 0 ? (
          <p>{t('requestsEmpty')}</p>
        ) : (
          <ul className="m-0 list-none p-0">
            {requests.map((request) => (
              <li key={request.id} className="mb-4 border-b border-rule pb-4" data-testid="my-data-request">
                <p className="mb-1 font-semibold">
                  {t('requestLine', { reference: request.reference, kind: t(`kinds.${request.kind}`) })}
                  {' — '}
                  <span data-testid="request-status">{t(`statuses.${request.status}`)}</span>
                </p>
                {request.newMobileMasked ? (
                  <p className="mb-1">{t('newMobile', { mobile: request.newMobileMasked })}</p>
                ) : null}
                <p className="mb-1 text-muted">
                  {t('requestDue', {
                    created: formatDateTime(request.createdAt, locale),
                    due: formatDateTime(request.dueAt, locale),
                  })}
                </p>
                {request.answer && request.answeredAt ? (
                  <p className="m-0 whitespace-pre-wrap break-words border-l-4 border-rule pl-3">
                    {t('requestAnswer', { time: formatDateTime(request.answeredAt, locale), answer: request.answer })}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        <p className="m-0">
          <Link href="/account/my-data/request" className="button button-secondary" data-testid="new-data-request">
            {t('newRequest')}
          </Link>
        </p>
      </section>

      <section aria-labelledby="copy-heading" className="border-t-4 border-ink pt-4" data-testid="data-copy">
        <h2 id="copy-heading" className="mb-1 text-2xl font-bold">
          {t('copyHeading')}
        </h2>
        <p className="mb-4 text-muted">{t('generatedAt', { time: time(copy.generatedAt) })}</p>
        <dl className="mb-6 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="text-muted">{t('account')}</dt>
          <dd className="m-0">{copy.account.mobile ?? '—'}</dd>
          <dt className="text-muted">{t('accountCreated')}</dt>
          <dd className="m-0">{time(copy.account.createdAt)}</dd>
        </dl>
        {copy.cases.length === 0 ? <p>{t('noCases')}</p> : null}
        {copy.cases.map((row) => (
          <section key={row.reference} className="mb-6 border-b border-rule pb-4" data-testid="copy-case">
            <h3 className="mb-2 font-mono text-lg font-bold">{t('caseHeading', { reference: row.reference })}</h3>
            {row.personalDataErasedAt ? (
              <p className="mb-2">{t('erased', { time: time(row.personalDataErasedAt) })}</p>
            ) : null}
            <dl className="m-0 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 break-words">
              <dt className="text-muted">{t('fields.state')}</dt>
              <dd className="m-0">{tStates(row.state)}</dd>
              <dt className="text-muted">{t('fields.filedAt')}</dt>
              <dd className="m-0">{time(row.filedAt)}</dd>
              <dt className="text-muted">{t('fields.closedAt')}</dt>
              <dd className="m-0">{time(row.closedAt)}</dd>
              <dt className="text-muted">{t('fields.name')}</dt>
              <dd className="m-0">{row.applicantName ?? '—'}</dd>
              <dt className="text-muted">{t('fields.idNumber')}</dt>
              <dd className="m-0 font-mono">{row.idNumberMasked ?? '—'}</dd>
              <dt className="text-muted">{t('fields.mobile')}</dt>
              <dd className="m-0">{row.mobile ?? '—'}</dd>
              <dt className="text-muted">{t('fields.colour')}</dt>
              <dd className="m-0">{tTerms(`colours.${row.colour}`)}</dd>
              <dt className="text-muted">{t('fields.issuing')}</dt>
              <dd className="m-0 font-mono">{row.issuingUnitCode}</dd>
              <dt className="text-muted">{t('fields.statement')}</dt>
              <dd className="m-0 whitespace-pre-wrap">{row.statement || '—'}</dd>
              <dt className="text-muted">{t('fields.noticeVersion')}</dt>
              <dd className="m-0">{row.privacyNoticeVersion}</dd>
              {row.withdrawalReason ? (
                <>
                  <dt className="text-muted">{t('fields.withdrawalReason')}</dt>
                  <dd className="m-0 whitespace-pre-wrap">{row.withdrawalReason}</dd>
                </>
              ) : null}
              {row.secondReviewReason ? (
                <>
                  <dt className="text-muted">{t('fields.secondReviewReason')}</dt>
                  <dd className="m-0 whitespace-pre-wrap">{row.secondReviewReason}</dd>
                </>
              ) : null}
              <dt className="text-muted">{t('fields.evidence')}</dt>
              <dd className="m-0">{row.evidence.map((file) => file.fileName).join('、') || '—'}</dd>
              <dt className="text-muted">{t('fields.questions')}</dt>
              <dd className="m-0">
                {row.questions.length === 0
                  ? '—'
                  : row.questions.map((question) => (
                      <p key={question.askedAt} className="mb-1 whitespace-pre-wrap">
                        {t('question', { time: time(question.askedAt), message: question.message })}
                        {question.reply
                          ? `\n${t('reply', { time: time(question.repliedAt), reply: question.reply })}`
                          : ''}
                      </p>
                    ))}
              </dd>
              <dt className="text-muted">{t('fields.decisions')}</dt>
              <dd className="m-0">
                {row.decisions.length === 0
                  ? '—'
                  : row.decisions.map((decision) => (
                      <p key={decision.decidedAt} className="mb-1">
                        {t('decision', {
                          time: time(decision.decidedAt),
                          level: tTerms(`decisionLevels.${decision.level}`),
                          outcome: tTerms(`decisionOutcomes.${decision.outcome}`),
                        })}
                      </p>
                    ))}
              </dd>
            </dl>
          </section>
        ))}
      </section>
    </div>
  );
}
