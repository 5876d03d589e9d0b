// The decision letter as a list of blocks in reading order, in the reader's language. The page renders these blocks
// as HTML and the PDF renderer draws the same blocks, so the printed, the downloaded and the on-screen letter say
// the same thing in the same order.
import type { DecisionLetterView, LetterDecision, LetterPeriod } from './decision-letter';

export type LetterBlock =
  | { kind: 'authority'; text: string }
  | { kind: 'title'; text: string }
  | { kind: 'reference'; text: string }
  | { kind: 'heading'; text: string; id: string }
  | { kind: 'fields'; rows: { label: string; value: string; testId?: string }[] }
  | { kind: 'paragraph'; text: string; testId?: string; strong?: boolean }
  | { kind: 'signature'; lines: string[] };

export interface LetterFormat {
  /** The root translator (full keys such as `decisionLetter.title`). */
  t: (key: string, values?: Record<string, string | number>) => string;
  /** A civil date in Asia/Shanghai, long form ("2026年3月17日"). */
  date: (at: Date) => string;
  /** Date and time in Asia/Shanghai, with the time zone named. */
  dateTime: (at: Date) => string;
  locale: string;
}

function ruleName(decision: LetterDecision, locale: string): string {
  return locale === 'en' ? decision.rule.nameEn : decision.rule.nameZh;
}

function periodText(key: string, period: LetterPeriod, format: LetterFormat, values: Record<string, string> = {}) {
  const { t, date } = format;
  const text = t(`decisionLetter.${key}`, { date: date(period.endsAt), ...values });
  return period.provisional ? `${text}${t('decisionLetter.provisional')}` : text;
}

export function composeDecisionLetter(view: DecisionLetterView, format: LetterFormat): LetterBlock[] {
  const { t, date, dateTime, locale } = format;
  const authority = t('decisionLetter.authority', { province: view.provinceName });
  const inForce = view.decisions[view.decisions.length - 1] as LetterDecision;
  const facts = view.facts;
  const blocks: LetterBlock[] = [
    { kind: 'authority', text: authority },
    { kind: 'title', text: t(`decisionLetter.title.${inForce.level}`) },
    { kind: 'reference', text: t('decisionLetter.reference', { reference: view.reference }) },
    { kind: 'heading', id: 'applicant', text: t('decisionLetter.applicantHeading') },
    {
      kind: 'fields',
      rows: [
        { label: t('decisionLetter.applicantName'), value: view.applicant.name ?? t('decisionLetter.erased') },
        {
          label: t('decisionLetter.applicantId'),
          value: view.applicant.idNumberMasked ?? t('decisionLetter.erased'),
          testId: 'letter-id-number',
        },
      ],
    },
    { kind: 'heading', id: 'case', text: t('decisionLetter.caseHeading') },
    {
      kind: 'fields',
      rows: [
        { label: t('decisionLetter.caseType'), value: t(`caseTypes.${view.type}`) },
        { label: t('decisionLetter.filedAt'), value: dateTime(view.filedAt) },
        {
          label: t('decisionLetter.code'),
          value: t('decisionLetter.codeValue', {
            colour: t(`citizenTerms.colours.${view.colour}`),
            unit: `${facts.issuingProvinceName}${locale === 'en' ? ' ' : ''}${facts.issuingUnitName}`,
            time: dateTime(facts.codeAssignedAt),
          }),
        },
        {
          label: t('decisionLetter.statedReason'),
          value: facts.statedReason
            ? locale === 'en'
              ? facts.statedReason.nameEn
              : facts.statedReason.nameZh
            : t('citizenTerms.noReason'),
        },
        ...(facts.refusingProvinceName
          ? [{ label: t('decisionLetter.refusingProvince'), value: facts.refusingProvinceName }]
          : []),
      ],
    },
    { kind: 'heading', id: 'facts', text: t('decisionLetter.factsHeading') },
    {
      kind: 'paragraph',
      text: t('decisionLetter.factsClaim', {
        grounds: t(`citizenTerms.grounds.${facts.grounds}`),
        requested: t(`citizenTerms.requestedOutcomes.${facts.requestedOutcome}`),
      }),
    },
    { kind: 'paragraph', text: facts.statement, testId: 'letter-statement' },
  ];

  view.decisions.forEach((decision, position) => {
    const superseded = position < view.decisions.length - 1;
    blocks.push(
      { kind: 'heading', id: `decision-${decision.level}`, text: t(`citizenTerms.decisionLevels.${decision.level}`) },
      {
        kind: 'paragraph',
        strong: true,
        text: superseded ? t('citizenDecision.superseded') : t('citizenDecision.inForce'),
      },
      {
        kind: 'fields',
        rows: [
          {
            label: t('decisionLetter.decidingUnit'),
            value: decision.decidingUnitName
              ? t('decisionLetter.decidingUnitValue', { authority, unit: decision.decidingUnitName })
              : authority,
          },
          { label: t('citizenDecision.decidedAt'), value: dateTime(decision.decidedAt) },
          { label: t('citizenDecision.rule'), value: ruleName(decision, locale) },
          {
            label: t('citizenDecision.outcome'),
            value: t(`citizenTerms.decisionOutcomes.${decision.outcome}`),
            testId: 'decision-outcome',
          },
          { label: t('decisionLetter.colourAfter'), value: t(`citizenTerms.colours.${decision.colourAfter}`) },
        ],
      },
      { kind: 'paragraph', text: t('citizenDecision.reasons'), strong: true },
      { kind: 'paragraph', text: decision.reasons, testId: 'decision-reasons' },
    );
  });

  blocks.push({ kind: 'heading', id: 'routes', text: t('decisionLetter.routesHeading') });
  if (view.routes.secondReview) {
    blocks.push({
      kind: 'paragraph',
      text: periodText('routeSecondReview', view.routes.secondReview, format),
      testId: 'route-second-review',
    });
  }
  blocks.push(
    {
      kind: 'paragraph',
      text: periodText('routeReconsideration', view.routes.reconsideration, format, {
        body: t('decisionLetter.reconsiderationBody', { province: view.provinceName }),
      }),
      testId: 'route-reconsideration',
    },
    {
      kind: 'paragraph',
      text: periodText('routeLitigation', view.routes.litigation, format),
      testId: 'route-litigation',
    },
    { kind: 'paragraph', text: t('decisionLetter.periodRule') },
    { kind: 'signature', lines: [authority, date(inForce.decidedAt)] },
  );
  return blocks;
}
