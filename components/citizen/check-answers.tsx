'use client';
// "Check your answers" (GOV.UK pattern): every answer of the wizard with a "change" link that opens its step and
// comes back here.
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { CityChoice, FilingChoices } from '@/lib/cases/views/citizen-queries';
import type { PickedFile } from './evidence-picker';
import type { FilingFormValues, FilingStep } from './filing-form';
import { formatDateTime } from '@/lib/i18n/format-date';

interface Row {
  key: string;
  label: string;
  value: ReactNode;
  /** The step that asks it; none for an answer that follows from another (a complaint's outcome). */
  step?: FilingStep;
}

export interface CheckAnswersProps {
  values: FilingFormValues;
  files: PickedFile[];
  choices: FilingChoices;
  units: CityChoice[] | undefined;
  locale: string;
  onChange: (step: FilingStep) => void;
}

function unitName(units: CityChoice[] | undefined, code: string): string {
  for (const city of units ?? []) {
    if (city.code === code) return city.name;
    const county = city.counties.find((entry) => entry.code === code);
    if (county) return `${city.name} ${county.name}`;
  }
  return code;
}

export function CheckAnswers({ values, files, choices, units, locale, onChange }: CheckAnswersProps) {
  const t = useTranslations('citizenFiling.check');
  const tTerms = useTranslations('citizenTerms');
  const tTypes = useTranslations('caseTypes');
  const tRelief = useTranslations('citizenFiling.relief');
  const tIdentity = useTranslations('citizenFiling.identity');
  const provinceName = (code: string) => choices.provinces.find((province) => province.code === code)?.name ?? code;
  const reason = choices.reasons.find((entry) => entry.code === values.statedReasonCode);
  const assignedAt = values.codeAssignedAt ? new Date(`${values.codeAssignedAt}+08:00`) : null;
  const complaint = values.type === 'RECOGNITION_COMPLAINT';

  const sections: { heading: string; rows: Row[] }[] = [
    {
      heading: t('aboutHeading'),
      rows: [
        { key: 'type', label: t('rows.type'), value: values.type ? tTypes(values.type) : '', step: 'type' },
        {
          key: 'colour',
          label: t('rows.colour'),
          value: values.colour ? tTerms(`colours.${values.colour}`) : '',
          step: 'colour',
        },
        {
          key: 'assignedAt',
          label: t('rows.assignedAt'),
          value:
            assignedAt && !Number.isNaN(assignedAt.getTime())
              ? `${formatDateTime(assignedAt, locale)}${tTerms('beijingTime')}`
              : '',
          step: 'assignedAt',
        },
        {
          key: 'issuing',
          label: t('rows.issuing'),
          value: `${provinceName(values.issuingProvinceCode)} ${unitName(units, values.issuingUnitCode)}`,
          step: 'issuer',
        },
        ...(complaint
          ? [
              {
                key: 'refusing',
                label: t('rows.refusing'),
                value: provinceName(values.refusingProvinceCode),
                step: 'refusing' as const,
              },
            ]
          : []),
        {
          key: 'reason',
          label: t('rows.reason'),
          value: reason
            ? locale === 'en'
              ? reason.nameEn
              : reason.nameZh
            : values.statedReasonCode === ''
              ? tTerms('noReason')
              : '',
          step: 'reason',
        },
      ],
    },
    {
      heading: t('appealHeading'),
      rows: [
        {
          key: 'grounds',
          label: t('rows.grounds'),
          value: values.grounds ? tTerms(`grounds.${values.grounds}`) : '',
          step: 'grounds',
        },
        {
          key: 'statement',
          label: t('rows.statement'),
          value: <span className="whitespace-pre-wrap break-words">{values.statement}</span>,
          step: 'statement',
        },
        {
          key: 'outcome',
          label: t('rows.outcome'),
          value: values.requestedOutcome ? tTerms(`requestedOutcomes.${values.requestedOutcome}`) : '',
          step: complaint ? undefined : 'outcome',
        },
        {
          key: 'relief',
          label: t('rows.relief'),
          value: values.reliefNeed ? tRelief(`needs.${values.reliefNeed}`) : '',
          step: 'relief',
        },
        ...(values.reliefNeed && values.reliefNeed !== 'NONE'
          ? [
              {
                key: 'reliefDetail',
                label: t('rows.reliefDetail'),
                value: values.reliefDetail.trim() ? (
                  <span className="whitespace-pre-wrap break-words">{values.reliefDetail}</span>
                ) : (
                  t('noReliefDetail')
                ),
                step: 'relief' as const,
              },
            ]
          : []),
        {
          key: 'evidence',
          label: t('rows.evidence'),
          value:
            files.length === 0 ? (
              t('noEvidence')
            ) : (
              <ul className="m-0 list-none p-0">
                {files.map((picked) => (
                  <li key={picked.id} className="break-all">
                    {picked.file.name}
                  </li>
                ))}
              </ul>
            ),
          step: 'evidence',
        },
      ],
    },
    {
      heading: t('youHeading'),
      rows: [
        { key: 'name', label: t('rows.name'), value: values.applicantName, step: 'identity' },
        {
          key: 'document',
          label: t('rows.document'),
          value: values.idDocumentType
            ? tIdentity(values.idDocumentType === 'PASSPORT' ? 'documentPassportLabel' : 'documentResidentLabel')
            : '',
          step: 'document',
        },
        {
          key: 'idNumber',
          label: t(values.idDocumentType === 'PASSPORT' ? 'rows.passportNumber' : 'rows.idNumber'),
          value: <span className="font-mono">{values.idNumber.toUpperCase()}</span>,
          step: 'identity',
        },
        { key: 'mobile', label: t('rows.mobile'), value: values.mobile, step: 'contact' },
        {
          key: 'privacy',
          label: t('rows.privacy'),
          value: values.privacyNoticeAccepted ? t('privacyAccepted', { version: values.privacyNoticeVersion }) : '',
          step: 'privacy',
        },
      ],
    },
  ];

  return (
    <>
      <p className="mb-6">{t('intro')}</p>
      {sections.map((section) => (
        <section key={section.heading} className="mb-8">
          <h2 className="mb-3 text-xl font-bold">{section.heading}</h2>
          <dl className="m-0 border-t border-rule" data-testid="check-answers">
            {section.rows.map((row) => (
              <div
                key={row.key}
                className="grid gap-1 border-b border-rule py-3 sm:grid-cols-[12rem_1fr_auto] sm:gap-4"
                data-testid={`answer-${row.key}`}
              >
                <dt className="font-semibold">{row.label}</dt>
                <dd className="m-0 min-w-0">{row.value}</dd>
                <dd className="m-0">
                  {row.step ? (
                    <button
                      type="button"
                      className="min-h-11 cursor-pointer border-0 bg-transparent p-0 text-link underline sm:min-h-0"
                      aria-label={t('changeLabel', { question: row.label })}
                      onClick={() => row.step && onChange(row.step)}
                    >
                      {t('change')}
                    </button>
                  ) : null}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </>
  );
}
