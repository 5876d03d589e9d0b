// Audit events as a list of sentences ("周立新 将案件改派给 李娜，理由：…"), newest first: Beijing time, the sentence,
// the case, and the event's place in its chain. A list, not a wide table, so it reads on a phone as on a desk.
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { auditSentence, type AuditEventView } from '@/lib/supervision/audit-sentence';
import { formatTime } from './format';

export async function AuditEventsTable({
  events,
  caption,
  showCase,
  testId,
}: {
  events: AuditEventView[];
  caption: string;
  showCase: boolean;
  testId?: string;
}) {
  const locale = await getLocale();
  const [t, tAll] = await Promise.all([getTranslations('supervise.audit'), getTranslations()]);
  return (
    <ol aria-label={caption} className="m-0 mb-4 list-none p-0" data-testid={testId}>
      {events.map((event) => (
        <li
          key={`${event.chain}-${event.seq}`}
          className="border-b border-rule py-3"
          data-testid="audit-event"
          data-chain={event.chain}
          data-seq={event.seq}
        >
          <p className="m-0 text-sm text-muted">
            <time dateTime={event.occurredAt.toISOString()}>{formatTime(event.occurredAt, locale)}</time>
            {showCase && event.caseReference ? (
              <>
                {' · '}
                <Link href={`/supervise/cases/${event.caseReference}`}>{event.caseReference}</Link>
              </>
            ) : null}
          </p>
          <p className="m-0 break-words" data-testid="audit-sentence">
            {auditSentence(event, tAll)}
          </p>
          <p className="m-0 text-xs text-muted">{t('position', { chain: event.chain, seq: event.seq })}</p>
        </li>
      ))}
    </ol>
  );
}
