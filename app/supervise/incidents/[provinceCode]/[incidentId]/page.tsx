// One mass incident (SPEC §16): what it is, how it grew, its cases with their decisions and correction orders, and the
// group finding (select the cases, one outcome, rule and reasons). Outside the supervisor's scope: 404.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { GroupedBarChart } from '@/components/supervisor/bar-chart';
import { formatTime } from '@/components/supervisor/format';
import { formatTimeOfDay } from '@/lib/i18n/format-date';
import { IncidentCloseForm } from '@/components/supervisor/incident-close-form';
import { IncidentDecisionForm } from '@/components/supervisor/incident-decision-form';
import { IncidentReliefForm } from '@/components/supervisor/incident-relief-form';
import { incidentReasonText } from '@/components/supervisor/incidents-section';
import { DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
import { Section } from '@/components/ui/section';
import { requireUser } from '@/lib/auth/scope';
import { CaseNotFoundError } from '@/lib/core/errors';
import { getIncident, type IncidentCaseRow } from '@/lib/incidents/incident-views';
import { incidentKeySchema } from '@/lib/incidents/schemas';
import { supervisorScopeOf } from '@/lib/supervision/scope';
import {
  closeIncidentAction,
  decideIncidentAction,
  grantIncidentReliefAction,
} from '@/app/supervise/incidents/actions';

type Params = Promise<{ provinceCode: string; incidentId: string }>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('incidents');
  return { title: t('title') };
}

async function loadIncident(params: Params) {
  const raw = await params;
  const user = await requireUser(['SUPERVISOR'], `/supervise/incidents/${raw.provinceCode}/${raw.incidentId}`);
  const key = incidentKeySchema.safeParse(raw);
  if (!key.success) notFound();
  try {
    return await getIncident(supervisorScopeOf(user), key.data);
  } catch (error) {
    if (error instanceof CaseNotFoundError) notFound();
    throw error;
  }
}

export default async function IncidentPage({ params }: { params: Params }) {
  const locale = await getLocale();
  const incident = await loadIncident(params);
  const [t, tStates, tOutcomes, reason] = await Promise.all([
    getTranslations('incidents'),
    getTranslations('states'),
    getTranslations('reviewTerms.decisionOutcomes'),
    incidentReasonText(incident),
  ]);
  const decidable = incident.cases.filter((c) => c.decidable);
  const relievable = incident.cases.filter((c) => c.reliefPossible);
  const selectable = (c: IncidentCaseRow) => ({
    id: c.id,
    reference: c.reference,
    colour: c.colour,
    filedAt: formatTime(c.filedAt, locale),
    grounds: c.grounds,
    evidenceFiles: c.evidenceFiles,
  });
  const correctionText = ({ correction }: IncidentCaseRow) => {
    if (correction.confirmedAt)
      return t('page.correctionConfirmed', { time: formatTime(correction.confirmedAt, locale) });
    if (correction.sentAt) return t('page.correctionSent', { time: formatTime(correction.sentAt, locale) });
    return correction.ordered ? t('page.correctionOrdered') : t('page.correctionNone');
  };
  return (
    <div>
      <p className="mb-4">
        <Link href="/supervise/incidents">{t('page.back')}</Link>
      </p>
      <PageHeader title={t('page.title', { unit: incident.issuingUnitName })} />
      <div className="mb-6 border-l-4 border-ink bg-panel px-4 py-3" data-testid="incident-summary">
        <p className="m-0 font-semibold">
          {t('page.summary', {
            province: incident.provinceName,
            reason,
            count: incident.caseCount,
            lastDay: incident.lastDayCount,
          })}
        </p>
        <p className="m-0">
          {t('page.window', {
            from: formatTime(incident.firstFiledAt, locale),
            to: formatTime(incident.lastFiledAt, locale),
          })}
        </p>
        <p className="m-0">
          {t('page.detected', {
            time: formatTime(incident.detectedAt, locale),
            threshold: incident.threshold,
            windowHours: incident.windowHours,
          })}
        </p>
        <p className="m-0">
          {t('page.escalation', { level: t(`escalation.${incident.escalation as 'PROVINCIAL' | 'NATIONAL'}`) })}
        </p>
        <p className="m-0 font-semibold" data-testid="incident-status">
          {incident.closedAt
            ? t('page.closed', { time: formatTime(incident.closedAt, locale), reason: incident.closeReason ?? '' })
            : t('page.statusOpen')}
        </p>
      </div>

      <Section id="growth-heading" heading={t('page.growthHeading')}>
        <GroupedBarChart
          id="incident-growth"
          title={t('page.growthTitle')}
          description={t('page.growthDescription')}
          categories={incident.growth.map((g) => formatTimeOfDay(g.hour))}
          series={[{ name: t('page.filings'), values: incident.growth.map((g) => g.count), colour: '#1d70b8' }]}
        />
        <DataTable
          caption={t('page.growthTitle')}
          columns={[
            { id: 'hour', header: t('page.hour') },
            { id: 'count', header: t('page.filings'), numeric: true },
          ]}
          rows={incident.growth.map((g) => ({
            id: g.hour.toISOString(),
            cells: { hour: formatTime(g.hour, locale), count: g.count },
          }))}
        />
      </Section>

      <Section id="decision-heading" heading={t('decide.heading')} className="mb-10">
        {!incident.mayHandle ? (
          <p role="note" className="border-l-4 border-danger px-3 py-2" data-testid="national-only">
            {t('page.nationalOnly')}
          </p>
        ) : decidable.length === 0 ? (
          <p>{t('page.noDecidable')}</p>
        ) : (
          <IncidentDecisionForm
            provinceCode={incident.provinceCode}
            incidentId={incident.id}
            cases={decidable.map(selectable)}
            rules={incident.rules}
            decide={decideIncidentAction}
          />
        )}
      </Section>

      {incident.mayHandle ? (
        <Section id="relief-heading" heading={t('relief.heading')} className="mb-10">
          {relievable.length === 0 ? (
            <p>{t('relief.none')}</p>
          ) : (
            <details>
              <summary className="mb-2 cursor-pointer font-semibold">{t('relief.heading')}</summary>
              <IncidentReliefForm
                provinceCode={incident.provinceCode}
                incidentId={incident.id}
                cases={relievable.map(selectable)}
                grant={grantIncidentReliefAction}
              />
            </details>
          )}
        </Section>
      ) : null}

      {incident.status === 'OPEN' && incident.mayHandle ? (
        <Section id="close-heading" heading={t('close.heading')} className="mb-10">
          <IncidentCloseForm
            provinceCode={incident.provinceCode}
            incidentId={incident.id}
            version={incident.version}
            close={closeIncidentAction}
          />
        </Section>
      ) : null}

      <Section id="cases-heading" heading={t('page.casesHeading')}>
        <p data-testid="incident-decided">
          {t('page.decidedCount', { count: incident.decidedByIncident, orders: incident.correctionOrders })}
        </p>
        <DataTable
          caption={t('page.casesCaption')}
          testId="incident-cases"
          columns={[
            { id: 'reference', header: t('page.reference') },
            { id: 'state', header: t('page.state') },
            { id: 'decision', header: t('page.decision') },
            { id: 'correction', header: t('page.correction') },
            { id: 'relief', header: t('page.relief') },
          ]}
          rows={incident.cases.map((c) => ({
            id: c.id,
            attributes: { 'data-reference': c.reference },
            cells: {
              reference: <Link href={`/supervise/cases/${encodeURIComponent(c.reference)}`}>{c.reference}</Link>,
              state: tStates(c.state),
              decision: c.decision
                ? `${tOutcomes(c.decision.outcome)}${c.decision.byIncident ? t('page.byIncident') : ''}`
                : '—',
              correction: correctionText(c),
              relief:
                c.reliefStatus === 'REQUESTED' || c.reliefStatus === 'GRANTED'
                  ? t(`page.relief${c.reliefStatus}`)
                  : '—',
            },
            cellAttributes: {
              state: { 'data-testid': `state-${c.reference}` },
              decision: { 'data-testid': `decision-${c.reference}` },
              correction: { 'data-testid': `correction-${c.reference}` },
              relief: { 'data-testid': `relief-${c.reference}` },
            },
          }))}
        />
      </Section>
    </div>
  );
}
