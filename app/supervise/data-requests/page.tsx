// Citizens' data-rights requests in the supervisor's scope (SPEC §17): waiting ones by answer deadline (overdue
// marked), each with its answer form, then the latest answered.
import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { AnswerRequestForm } from '@/components/privacy/answer-request-form';
import { answerDataRequestAction } from '@/app/supervise/data-requests/actions';
import { requireUser } from '@/lib/auth/scope';
import { listDataRequestsForStaff, type StaffDataRequestView } from '@/lib/privacy/queries';
import { formatDateTime } from '@/lib/i18n/format-date';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('superviseDataRequests');
  return { title: t('title') };
}

export default async function DataRequestsPage() {
  const user = await requireUser(['SUPERVISOR'], '/supervise/data-requests');
  const [{ pending, answered }, t, tMine, locale] = await Promise.all([
    listDataRequestsForStaff(user),
    getTranslations('superviseDataRequests'),
    getTranslations('privacy.myData'),
    getLocale(),
  ]);
  const summary = (request: StaffDataRequestView) => (
    <>
      <h3 className="mb-1 text-lg font-bold">
        {tMine('requestLine', { reference: request.reference, kind: tMine(`kinds.${request.kind}`) })}
      </h3>
      {request.newMobileMasked ? (
        <p className="mb-1">{tMine('newMobile', { mobile: request.newMobileMasked })}</p>
      ) : null}
      {request.note ? (
        <p className="mb-1 whitespace-pre-wrap break-words">{t('note', { note: request.note })}</p>
      ) : null}
    </>
  );
  return (
    <div className="max-w-3xl">
      <h1 className="mb-2 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-6">{t('intro')}</p>
      <section aria-labelledby="pending-heading" className="mb-8">
        <h2 id="pending-heading" className="mb-3 text-2xl font-bold">
          {t('pendingHeading', { count: pending.length })}
        </h2>
        {pending.length === 0 ? <p data-testid="data-requests-empty">{t('empty')}</p> : null}
        <ul className="m-0 list-none p-0">
          {pending.map((request) => (
            <li key={request.id} className="mb-6 border-b border-rule pb-4" data-testid="pending-data-request">
              {summary(request)}
              <p className="mb-3 font-semibold">
                {request.overdue ? <span className="mr-2 bg-danger px-2 text-white">{t('overdue')}</span> : null}
                {t('due', { time: formatDateTime(request.dueAt, locale) })}
              </p>
              <AnswerRequestForm requestId={request.id} action={answerDataRequestAction} />
            </li>
          ))}
        </ul>
      </section>
      {answered.length > 0 ? (
        <section aria-labelledby="answered-heading">
          <h2 id="answered-heading" className="mb-3 text-2xl font-bold">
            {t('answeredHeading')}
          </h2>
          <ul className="m-0 list-none p-0">
            {answered.map((request) => (
              <li key={request.id} className="mb-4 border-b border-rule pb-4" data-testid="answered-data-request">
                {summary(request)}
                <p className="mb-1 font-semibold">{tMine(`statuses.${request.status}`)}</p>
                {request.answer && request.answeredAt ? (
                  <p className="m-0 whitespace-pre-wrap break-words border-l-4 border-rule pl-3">
                    {tMine('requestAnswer', {
                      time: formatDateTime(request.answeredAt, locale),
                      answer: request.answer,
                    })}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
