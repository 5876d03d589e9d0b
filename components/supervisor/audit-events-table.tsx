// Audit events as a table: chain and sequence number, Beijing time, action, who, the case, and what changed.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/ui/data-table';
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
    <DataTable
      caption={caption}
      testId={testId}
      rowTestId="audit-event"
      tableClassName="text-sm"
      columns={[
        { id: 'seq', header: t('seq'), className: 'whitespace-nowrap' },
        { id: 'time', header: t('time'), className: 'whitespace-nowrap' },
        { id: 'action', header: t('action') },
        { id: 'actor', header: t('actor') },
        ...(showCase ? [{ id: 'case', header: t('case'), className: 'whitespace-nowrap' }] : []),
        { id: 'change', header: t('change'), className: 'font-mono text-xs break-all' },
        { id: 'reason', header: t('reason') },
      ]}
      rows={events.map((event) => ({
        id: `${event.chain}-${event.seq}`,
        attributes: { 'data-chain': event.chain, 'data-seq': event.seq },
        cells: {
          seq: `${event.chain} #${event.seq}`,
          time: formatTime(event.occurredAt),
          action: t.has(`actions.${event.action}`) ? t(`actions.${event.action}`) : event.action,
          actor: `${t.has(`actorRoles.${event.actorRole}`) ? t(`actorRoles.${event.actorRole}`) : event.actorRole}${event.actorName ? ` · ${event.actorName}` : ''}`,
          case: event.caseReference ? (
            <Link href={`/supervise/cases/${event.caseReference}`}>{event.caseReference}</Link>
          ) : (
            ''
          ),
          change: describeChange(event.before, event.after),
          reason: event.reason ?? '',
        },
      }))}
    />
  );
}
