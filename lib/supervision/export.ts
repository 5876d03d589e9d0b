// CSV exports of the supervision tables (SPEC §8, §12). The rows are read and the EXPORT_CREATED audit event is
// appended in one transaction, so no file leaves without its event; the same scope as the page applies.
import 'server-only';
import { appendAuditEvent } from '@/lib/audit/append';
import { formatDateTime, formatFileStamp } from '@/lib/i18n/format-date';
import { prisma, type TransactionClient } from '@/lib/db/client';
import {
  getAuthorityTable,
  getRecognitionMatrix,
  getWeeklyTrend,
  resolveAnalyticsFilters,
  type AuthorityFigures,
} from './analytics';
import { findAuditEvents } from './audit-log';
import { auditActionLabel, auditActorLabel, auditSentence, type Translate } from './audit-sentence';
import { listBoardCases, listUnconfirmedCorrections, listWorkload } from './board';
import { toCsv, type CsvCell } from './csv';
import { refreshSupervisionStatsForRead } from './refresh-stats';
import type { ExportRequest, ExportTable } from './schemas';
import { ownEventChainOf } from './scope';
import { type Actor } from '@/lib/auth/actor';

/** The most rows one export carries (the audit event records when a file was cut short). */
export const EXPORT_MAX_ROWS = 100_000;

export interface ExportTableData {
  /** Column keys; the route turns them into headings in the reader's language. */
  columns: string[];
  rows: CsvCell[][];
  truncated: boolean;
}

export interface ExportFile {
  filename: string;
  csv: string;
  rows: number;
}

const AUTHORITY_COLUMNS = [
  'code',
  'name',
  'received',
  'decided',
  'overturned',
  'overturnRate',
  'overreach',
  'medianHours',
  'decidedWithinDeadline',
  'withinDeadlineShare',
];

function authorityCells(code: string, name: string, f: AuthorityFigures): CsvCell[] {
  const round = (value: number | null, digits: number) => (value === null ? null : Number(value.toFixed(digits)));
  return [
    code,
    name,
    f.received,
    f.decided,
    f.overturned,
    round(f.overturnRate, 4),
    f.overreach,
    round(f.medianHours, 2),
    f.decidedWithinDeadline,
    round(f.withinDeadlineShare, 4),
  ];
}

async function readTable(
  tx: TransactionClient,
  scope: Actor,
  request: ExportRequest,
  now: Date,
  t: Translate,
  locale: string,
): Promise<ExportTableData> {
  // The same labels and date format as the pages (lib/i18n/format-date.ts), never enum values (SPEC §12, §13); with
  // seconds, which order the rows within a minute.
  const shanghaiTimestamp = (at: Date | null) => (at ? formatDateTime(at, locale, { seconds: true }) : '');
  const yesNo = (value: boolean) => t(value ? 'supervise.case.yes' : 'supervise.case.no');
  const cap = EXPORT_MAX_ROWS + 1;
  const capped = (columns: string[], rows: CsvCell[][]): ExportTableData => ({
    columns,
    rows: rows.slice(0, EXPORT_MAX_ROWS),
    truncated: rows.length > EXPORT_MAX_ROWS,
  });
  const table: ExportTable = request.table;
  switch (table) {
    case 'overdue':
    case 'at-risk':
    case 'unassigned':
    case 'waiting': {
      const rows = await listBoardCases(scope, table, { limit: cap, now }, tx);
      return capped(
        [
          'reference',
          'type',
          'state',
          'provinceCode',
          'colour',
          'primaFacieOverreach',
          'assignee',
          'filedAt',
          'dueAt',
          'replyDueAt',
        ],
        rows.map((r) => [
          r.reference,
          t(`caseTypes.${r.type}`),
          t(`states.${r.state}`),
          r.provinceCode,
          t(`supervise.colours.${r.colour}`),
          yesNo(r.primaFacieOverreach),
          r.assigneeName,
          shanghaiTimestamp(r.filedAt),
          shanghaiTimestamp(r.dueAt),
          shanghaiTimestamp(r.replyDueAt),
        ]),
      );
    }
    case 'corrections': {
      const rows = await listUnconfirmedCorrections(scope, { limit: cap, now }, tx);
      return capped(
        [
          'reference',
          'provinceCode',
          'outcome',
          'orderedAt',
          'sentAt',
          'deliveryStatus',
          'deliveryAttempts',
          'waitingMinutes',
        ],
        rows.map((r) => [
          r.reference,
          r.provinceCode,
          t(`supervise.outcomes.${r.outcome}`),
          shanghaiTimestamp(r.orderedAt),
          shanghaiTimestamp(r.sentAt),
          t(`supervise.delivery.${r.deliveryStatus}`),
          r.deliveryAttempts,
          r.waitingMinutes,
        ]),
      );
    }
    case 'workload': {
      const rows = await listWorkload(scope, now, tx);
      return capped(
        ['reviewer', 'provinceCode', 'unitCode', 'active', 'capacity', 'open', 'overdue', 'lastAssignedAt'],
        rows.map((r) => [
          r.name,
          r.provinceCode,
          r.unitCode,
          yesNo(r.active),
          r.capacity,
          r.open,
          r.overdue,
          shanghaiTimestamp(r.lastAssignedAt),
        ]),
      );
    }
    case 'authorities':
    case 'trend':
    case 'matrix': {
      const filters = resolveAnalyticsFilters(request, { from: true, to: true }, now);
      if (table === 'authorities') {
        const result = await getAuthorityTable(scope, filters, tx);
        return capped(AUTHORITY_COLUMNS, [
          ...result.rows.map((r) => authorityCells(r.code, r.name, r)),
          authorityCells('', 'TOTAL', result.total),
        ]);
      }
      if (table === 'trend') {
        const weeks = await getWeeklyTrend(scope, filters, now, tx);
        return capped(
          ['week', 'weekStart', 'received', 'decided', 'overturned'],
          weeks.map((w) => [w.label, w.week, w.received, w.decided, w.overturned]),
        );
      }
      const matrix = await getRecognitionMatrix(scope, filters, tx);
      const rows: CsvCell[][] = [];
      for (const issuing of matrix.issuing) {
        for (const refusing of matrix.refusing) {
          const count = matrix.counts[`${issuing.code}-${refusing.code}`];
          if (count) rows.push([issuing.code, issuing.name, refusing.code, refusing.name, count]);
        }
      }
      return capped(
        ['issuingProvinceCode', 'issuingProvince', 'refusingProvinceCode', 'refusingProvince', 'complaints'],
        rows,
      );
    }
    case 'audit': {
      const rows = await findAuditEvents(
        scope,
        {
          action: request.action,
          from: request.from,
          to: request.to,
          reference: request.reference,
          chain: request.chain,
        },
        cap,
        tx,
      );
      return capped(
        ['chain', 'seq', 'occurredAt', 'action', 'actor', 'caseReference', 'event'],
        rows.map((r) => [
          r.chain,
          r.seq,
          shanghaiTimestamp(r.occurredAt),
          auditActionLabel(r.action, t),
          auditActorLabel(r, t),
          r.caseReference,
          auditSentence(r, t),
        ]),
      );
    }
  }
}

/** The filters that shaped the file, for the audit event (no personal data: references and dates only). */
function filtersOf(request: ExportRequest): Record<string, string> {
  return Object.fromEntries(
    Object.entries(request).filter(
      (entry): entry is [string, string] => entry[0] !== 'table' && typeof entry[1] === 'string',
    ),
  );
}

/**
 * Reads one table in the supervisor's scope and records the export, in one transaction; `t` (the reader's root
 * translator) gives the headings and the labels of coded values. The CSV is built after commit, from rows that were
 * read under the same transaction.
 */
export async function exportSupervisionTable(
  scope: Actor,
  request: ExportRequest,
  t: Translate,
  now = new Date(),
  locale = 'zh-CN',
): Promise<ExportFile> {
  if (request.table === 'authorities' || request.table === 'trend' || request.table === 'matrix')
    await refreshSupervisionStatsForRead();
  const data = await prisma.$transaction(
    async (tx) => {
      const table = await readTable(tx, scope, request, now, t, locale);
      await appendAuditEvent(tx, {
        chain: ownEventChainOf(scope),
        actorId: scope.id,
        actorRole: 'SUPERVISOR',
        action: 'EXPORT_CREATED',
        after: {
          table: request.table,
          rows: table.rows.length,
          truncated: table.truncated,
          scope: scope.provinceCode ?? 'national',
          filters: filtersOf(request),
        },
        occurredAt: now,
      });
      return table;
    },
    { timeout: 120_000 },
  );
  const stamp = formatFileStamp(now);
  return {
    filename: `${request.table}-${scope.provinceCode ?? 'national'}-${stamp}.csv`,
    csv: toCsv(
      data.columns.map((column) => t(`supervise.export.columns.${column}`)),
      data.rows,
    ),
    rows: data.rows.length,
  };
}
