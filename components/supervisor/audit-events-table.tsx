// Audit events as a table: chain and sequence number, Beijing time, action, who, the case, and what changed.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { formatTime } from './format';

export interface AuditEventView {
  chain: string;
  seq: string;
  occurredAt: Date;
  action: string;
  actorRole: string;
  actorName: string | null;
  caseReference?: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
}

const HIDDEN_KEYS = new Set(['reference', 'version']);

function text(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** `state: IN_REVIEW → DECIDED; outcome: REVOKED` (references and versions left out: they are in other columns). */
export function describeChange(before: unknown, after: unknown): string {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((key) => !HIDDEN_KEYS.has(key));
  return keys
    .map((key) =>
      key in b && key in a
        ? `${key}: ${text(b[key])} → ${text(a[key])}`
        : key in a
          ? `${key}: ${text(a[key])}`
          : `${key}: ${text(b[key])} →`,
    )
    .join('; ');
}

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
  const t = await getTranslations('supervise.audit');
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={caption}>
      <table className="w-full border-collapse text-left text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-ink">
            <th scope="col" className="py-2 pr-3">
              {t('seq')}
            </th>
            <th scope="col" className="py-2 pr-3">
              {t('time')}
            </th>
            <th scope="col" className="py-2 pr-3">
              {t('action')}
            </th>
            <th scope="col" className="py-2 pr-3">
              {t('actor')}
            </th>
            {showCase ? (
              <th scope="col" className="py-2 pr-3">
                {t('case')}
              </th>
            ) : null}
            <th scope="col" className="py-2 pr-3">
              {t('change')}
            </th>
            <th scope="col" className="py-2 pr-3">
              {t('reason')}
            </th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr
              key={`${event.chain}-${event.seq}`}
              className="border-b border-rule align-top"
              data-testid="audit-event"
              data-chain={event.chain}
              data-seq={event.seq}
            >
              <th scope="row" className="py-2 pr-3 font-normal whitespace-nowrap">
                {event.chain} #{event.seq}
              </th>
              <td className="py-2 pr-3 whitespace-nowrap">{formatTime(event.occurredAt)}</td>
              <td className="py-2 pr-3">
                {t.has(`actions.${event.action}`) ? t(`actions.${event.action}`) : event.action}
              </td>
              <td className="py-2 pr-3">
                {t.has(`actorRoles.${event.actorRole}`) ? t(`actorRoles.${event.actorRole}`) : event.actorRole}
                {event.actorName ? ` · ${event.actorName}` : ''}
              </td>
              {showCase ? (
                <td className="py-2 pr-3 whitespace-nowrap">
                  {event.caseReference ? (
                    <Link href={`/supervise/cases/${event.caseReference}`}>{event.caseReference}</Link>
                  ) : (
                    ''
                  )}
                </td>
              ) : null}
              <td className="py-2 pr-3 font-mono text-xs break-all">{describeChange(event.before, event.after)}</td>
              <td className="py-2 pr-3">{event.reason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
