// The deadline board's lists: case tables (overdue, at risk, pool, waiting), unconfirmed corrections and the
// reviewer workload with "reassign all". Plain tables with a caption, a row header and an export button each.
import type { ReactNode } from 'react';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { BoardCaseRow, CorrectionRow, WorkloadRow } from '@/lib/supervision/board';
import type { ExportTable } from '@/lib/supervision/schemas';
import { ExportButton } from './export-button';
import { formatTime } from './format';
import { ReassignAllForm, type ReassignAllAction } from './reassign-forms';

function Section({ id, heading, hint, children }: { id: string; heading: string; hint?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mb-10">
      <h2 id={id} className="mb-2 text-2xl font-bold">
        {heading}
      </h2>
      {hint ? <p className="mb-2 text-muted">{hint}</p> : null}
      {children}
    </section>
  );
}

async function ExportAndCount({
  table,
  title,
  shown,
  total,
  of = 'board.shownOf',
}: {
  table: ExportTable;
  title: string;
  shown: number;
  total: number;
  of?: 'board.shownOf' | 'board.shownReviewersOf';
}) {
  const t = await getTranslations('supervise');
  return (
    <div className="flex flex-wrap items-center gap-x-4">
      <ExportButton table={table} text={t('export.button')} label={t('export.buttonLabel', { table: title })} />
      {total > shown ? <p className="m-0 text-muted">{t(of, { shown, total })}</p> : null}
    </div>
  );
}

export async function CaseListSection({
  id,
  table,
  heading,
  rows,
  total,
  showProvince,
  now,
}: {
  id: string;
  table: Exclude<ExportTable, 'corrections' | 'workload' | 'authorities' | 'trend' | 'matrix' | 'audit'>;
  heading: string;
  rows: BoardCaseRow[];
  total: number;
  showProvince: boolean;
  now: Date;
}) {
  const [t, tStates, tTypes] = await Promise.all([
    getTranslations('supervise'),
    getTranslations('states'),
    getTranslations('caseTypes'),
  ]);
  const waiting = table === 'waiting';
  return (
    <Section id={id} heading={heading}>
      {rows.length === 0 ? (
        <p data-testid={`list-${table}-empty`}>{t('board.none')}</p>
      ) : (
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={heading}>
          <table className="w-full border-collapse text-left" data-testid={`list-${table}`}>
            <caption className="sr-only">{t('board.caption', { title: heading })}</caption>
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="py-2 pr-3">
                  {t('board.reference')}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t('board.type')}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t('state')}
                </th>
                {showProvince ? (
                  <th scope="col" className="py-2 pr-3">
                    {t('province')}
                  </th>
                ) : null}
                <th scope="col" className="py-2 pr-3">
                  {t('board.assignee')}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {waiting ? t('board.replyDueAt') : t('board.dueAt')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr
                  key={row.caseId}
                  className="border-b border-rule"
                  data-testid="board-case"
                  data-reference={row.reference}
                >
                  <th scope="row" className="py-2 pr-3 font-normal whitespace-nowrap">
                    <Link href={`/supervise/cases/${row.reference}`}>{row.reference}</Link>
                    {row.primaFacieOverreach ? (
                      <span className="ml-2 inline-block border border-danger px-1 text-sm text-danger">
                        {t('board.overreachFlag')}
                      </span>
                    ) : null}
                  </th>
                  <td className="py-2 pr-3">
                    {tTypes(row.type)} · {t(`colours.${row.colour}`)}
                  </td>
                  <td className="py-2 pr-3">{tStates(row.state)}</td>
                  {showProvince ? <td className="py-2 pr-3">{row.provinceCode}</td> : null}
                  <td className="py-2 pr-3">{row.assigneeName ?? t('board.pool')}</td>
                  <td className="py-2 pr-3 whitespace-nowrap">
                    {waiting ? (
                      <>
                        {formatTime(row.replyDueAt)}
                        {row.replyDueAt && row.replyDueAt < now ? (
                          <span className="block text-sm font-semibold">{t('board.replyOverdue')}</span>
                        ) : null}
                      </>
                    ) : (
                      formatTime(row.dueAt)
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ExportAndCount table={table} title={heading} shown={rows.length} total={total} />
    </Section>
  );
}

export async function CorrectionsSection({
  rows,
  total,
  showProvince,
}: {
  rows: CorrectionRow[];
  total: number;
  showProvince: boolean;
}) {
  const t = await getTranslations('supervise');
  const heading = t('board.correctionsHeading');
  return (
    <Section id="corrections-heading" heading={heading} hint={t('board.correctionsHint')}>
      {rows.length === 0 ? (
        <p data-testid="list-corrections-empty">{t('board.none')}</p>
      ) : (
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={heading}>
          <table className="w-full border-collapse text-left" data-testid="list-corrections">
            <caption className="sr-only">{heading}</caption>
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="py-2 pr-3">
                  {t('board.reference')}
                </th>
                {showProvince ? (
                  <th scope="col" className="py-2 pr-3">
                    {t('province')}
                  </th>
                ) : null}
                <th scope="col" className="py-2 pr-3">
                  {t('board.outcome')}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t('board.orderedAt')}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t('board.deliveryStatus')}
                </th>
                <th scope="col" className="py-2 pr-3 text-right">
                  {t('board.waitingFor')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr
                  key={`${row.caseId}-${row.orderedAt.toISOString()}`}
                  className="border-b border-rule"
                  data-testid="board-correction"
                  data-reference={row.reference}
                >
                  <th scope="row" className="py-2 pr-3 font-normal whitespace-nowrap">
                    <Link href={`/supervise/cases/${row.reference}`}>{row.reference}</Link>
                  </th>
                  {showProvince ? <td className="py-2 pr-3">{row.provinceCode}</td> : null}
                  <td className="py-2 pr-3">{row.outcome ? t(`outcomes.${row.outcome}`) : ''}</td>
                  <td className="py-2 pr-3 whitespace-nowrap">{formatTime(row.orderedAt)}</td>
                  <td className="py-2 pr-3">
                    {t(`delivery.${row.deliveryStatus}`)}
                    {row.sentAt ? ` · ${formatTime(row.sentAt)}` : ''}
                  </td>
                  <td className="py-2 pr-3 text-right whitespace-nowrap">
                    {t('board.waitingHours', {
                      hours: Math.floor(row.waitingMinutes / 60),
                      minutes: row.waitingMinutes % 60,
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ExportAndCount table="corrections" title={heading} shown={rows.length} total={total} />
    </Section>
  );
}

export async function WorkloadSection({
  rows,
  total,
  showProvince,
  reassignAll,
}: {
  rows: WorkloadRow[];
  total: number;
  showProvince: boolean;
  reassignAll: ReassignAllAction;
}) {
  const t = await getTranslations('supervise');
  const heading = t('board.workloadHeading');
  return (
    <Section id="workload-heading" heading={heading} hint={t('board.workloadHint')}>
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={heading}>
        <table className="w-full border-collapse text-left" data-testid="workload">
          <caption className="sr-only">{t('board.workloadCaption')}</caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-2 pr-3">
                {t('board.reviewer')}
              </th>
              {showProvince ? (
                <th scope="col" className="py-2 pr-3">
                  {t('province')}
                </th>
              ) : null}
              <th scope="col" className="py-2 pr-3">
                {t('board.unit')}
              </th>
              <th scope="col" className="py-2 pr-3 text-right">
                {t('board.load')}
              </th>
              <th scope="col" className="py-2 pr-3 text-right">
                {t('board.overdueCases')}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t('board.lastAssigned')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={row.reviewerId}
                className="border-b border-rule align-top"
                data-testid="workload-row"
                data-reviewer={row.name}
              >
                <th scope="row" className="py-2 pr-3 font-normal">
                  {row.name}
                  {row.active ? null : <span className="ml-2 text-sm text-muted">{t('board.inactive')}</span>}
                  {row.open > 0 ? (
                    <ReassignAllForm reviewerId={row.reviewerId} reviewerName={row.name} reassignAll={reassignAll} />
                  ) : null}
                </th>
                {showProvince ? <td className="py-2 pr-3">{row.provinceCode}</td> : null}
                <td className="py-2 pr-3">{row.unitCode ?? ''}</td>
                <td className="py-2 pr-3 text-right tabular-nums" data-testid="workload-open">
                  <meter
                    min={0}
                    max={row.capacity}
                    value={Math.min(row.open, row.capacity)}
                    className="mr-2 hidden w-16 sm:inline-block"
                    aria-hidden="true"
                  />
                  {row.open} / {row.capacity}
                </td>
                <td className="py-2 pr-3 text-right tabular-nums">{row.overdue}</td>
                <td className="py-2 pr-3 whitespace-nowrap">
                  {row.lastAssignedAt ? formatTime(row.lastAssignedAt) : t('board.never')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ExportAndCount table="workload" title={heading} shown={rows.length} total={total} of="board.shownReviewersOf" />
    </Section>
  );
}
