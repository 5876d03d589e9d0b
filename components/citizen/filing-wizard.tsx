'use client';
// The filing wizard (SPEC §4, §13): one question per step, one form state for the whole journey (so going back loses
// nothing), each step validated with the shared filingSchema, "check your answers" with change links, and one submit
// carrying the idempotency key made for this wizard, so a double click files one case.
import { useCallback, useEffect, useRef, useState } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import type { ActionResult } from '@/lib/core/action-result';
import { ErrorSummary, type SummaryError } from '@/components/ui/error-summary';
import type { CityChoice, FilingChoices } from '@/lib/cases/views/citizen-queries';
import { filingSchema } from '@/lib/cases/forms/schemas';
import { CheckAnswers } from './check-answers';
import { EvidencePicker, evidenceFileFieldId, type PickedFile } from './evidence-picker';
import {
  fieldIdOf,
  FILING_STEPS,
  STEP_FIELDS,
  stepOfField,
  type FilingField,
  type FilingFormValues,
  type FilingStep,
} from './filing-form';
import { CodeStep, GroundsStep, IdentityStep, PrivacyStep, WhereStep, type UnitsState } from './filing-steps';

export interface FilingWizardProps {
  choices: FilingChoices;
  defaultMobile: string;
  idempotencyKey: string;
  locale: string;
  /** Files the appeal (a server action handed down by the page): the filing as JSON and the evidence files. */
  fileAppealAction: (formData: FormData) => Promise<ActionResult<{ caseId: string; reference: string }>>;
  /** The issuing units of a province, for the unit step (a server action handed down by the page). */
  listIssuingUnitsAction: (input: { provinceCode: string }) => Promise<ActionResult<CityChoice[]>>;
}

const EVIDENCE_INPUT_ID = 'evidence-input';

export function FilingWizard({
  choices,
  defaultMobile,
  idempotencyKey,
  locale,
  fileAppealAction,
  listIssuingUnitsAction,
}: FilingWizardProps) {
  const t = useTranslations('citizenFiling');
  const tAll = useTranslations();
  const router = useRouter();
  const form = useForm<FilingFormValues>({
    // The form holds the raw answers; the schema's output (dates, nulls) is what the server computes again.
    resolver: zodResolver(filingSchema) as unknown as Resolver<FilingFormValues>,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldFocusError: false,
    defaultValues: {
      codeAssignedAt: '',
      issuingProvinceCode: '',
      issuingUnitCode: '',
      refusingProvinceCode: '',
      statement: '',
      applicantName: '',
      idNumber: '',
      mobile: defaultMobile,
      privacyNoticeAccepted: false,
      privacyNoticeVersion: choices.privacyNoticeVersion,
      idempotencyKey,
    },
  });
  const { formState, trigger, getValues, setError, control } = form;

  const [step, setStep] = useState<FilingStep>('code');
  const [returnToCheck, setReturnToCheck] = useState(false);
  const [showSummary, setShowSummary] = useState(false);
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [evidenceError, setEvidenceError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const submittingRef = useRef(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  // Cities and counties of each province, loaded once per province when it is chosen.
  const [unitsByProvince, setUnitsByProvince] = useState<Record<string, UnitsState>>({});
  const province = useWatch({ control, name: 'issuingProvinceCode' });
  const loadUnits = useCallback(
    (code: string) => {
      const known = unitsByProvince[code];
      if (!/^\d{2}$/.test(code) || (known !== undefined && known !== 'failed')) return;
      setUnitsByProvince((all) => ({ ...all, [code]: 'loading' }));
      listIssuingUnitsAction({ provinceCode: code })
        .then((result) => setUnitsByProvince((all) => ({ ...all, [code]: result.ok ? result.data : 'failed' })))
        .catch(() => setUnitsByProvince((all) => ({ ...all, [code]: 'failed' })));
    },
    [unitsByProvince, listIssuingUnitsAction],
  );

  // Each step starts at its heading, so screen-reader and keyboard users know where they are.
  useEffect(() => {
    if (moved.current) headingRef.current?.focus();
  }, [step]);

  const goTo = (next: FilingStep) => {
    moved.current = true;
    setShowSummary(false);
    setStep(next);
    window.scrollTo({ top: 0 });
  };

  const errorOf = (field: FilingField): string | null => {
    const key = formState.errors[field]?.message;
    return typeof key === 'string' && key ? tAll(key) : null;
  };

  const index = FILING_STEPS.indexOf(step);
  const filesInvalid = files.some((file) => file.error !== null) || evidenceError !== null;

  const stepErrors = (which: FilingStep): SummaryError[] => {
    const fieldErrors = STEP_FIELDS[which].flatMap((field) => {
      const message = errorOf(field);
      return message ? [{ fieldId: fieldIdOf(field), message }] : [];
    });
    if (which !== 'evidence' && which !== 'check') return fieldErrors;
    const listError = evidenceError ? [{ fieldId: EVIDENCE_INPUT_ID, message: tAll(evidenceError) }] : [];
    const fileErrors = files.flatMap((file) =>
      file.error
        ? [
            {
              fieldId: evidenceFileFieldId(file),
              message: tAll('citizenEvidence.rejected', { name: file.file.name, message: tAll(file.error) }),
            },
          ]
        : [],
    );
    return which === 'evidence' ? [...listError, ...fileErrors] : fieldErrors;
  };

  const onContinue = async () => {
    if (unitsByProvince[province] === 'failed') loadUnits(province);
    const valid = step === 'evidence' ? !filesInvalid : await trigger(STEP_FIELDS[step]);
    if (!valid) {
      setShowSummary(true);
      return;
    }
    goTo(returnToCheck ? 'check' : FILING_STEPS[index + 1]!);
  };

  const onBack = () => {
    if (returnToCheck && step !== 'check') goTo('check');
    else if (index > 0) goTo(FILING_STEPS[index - 1]!);
  };

  const onChangeAnswer = (target: FilingStep) => {
    setReturnToCheck(true);
    goTo(target);
  };

  /** Shows the server's field errors beside their fields and opens the first step that has one. */
  const showServerErrors = (fieldErrors: Record<string, string>) => {
    let first: FilingStep | null = null;
    const rejected = new Map<number, string>();
    for (const [field, key] of Object.entries(fieldErrors)) {
      const at = stepOfField(field);
      if (!at) continue;
      if (first === null || FILING_STEPS.indexOf(at) < FILING_STEPS.indexOf(first)) first = at;
      const fileIndex = /^evidence\.(\d+)$/.exec(field)?.[1];
      if (fileIndex !== undefined) rejected.set(Number(fileIndex), key);
      else if (field === 'evidence') setEvidenceError(key);
      else setError(field as FilingField, { type: 'server', message: key });
    }
    if (rejected.size > 0)
      setFiles((all) => all.map((file, position) => ({ ...file, error: rejected.get(position) ?? file.error })));
    if (first) {
      setReturnToCheck(true);
      goTo(first);
      setShowSummary(true);
    }
    return first !== null;
  };

  const onSubmit = async () => {
    if (submittingRef.current) return;
    submittingRef.current = true;
    setSubmitting(true);
    setSubmitError(null);
    const release = () => {
      submittingRef.current = false;
      setSubmitting(false);
    };
    if (!(await trigger())) {
      release();
      const firstInvalid = FILING_STEPS.find((which) =>
        STEP_FIELDS[which].some((field) => form.getFieldState(field).invalid),
      );
      if (firstInvalid) {
        setReturnToCheck(true);
        goTo(firstInvalid);
        setShowSummary(true);
      }
      return;
    }
    if (filesInvalid) {
      release();
      setReturnToCheck(true);
      goTo('evidence');
      setShowSummary(true);
      return;
    }
    const body = new FormData();
    body.set('filing', JSON.stringify(getValues()));
    for (const picked of files) body.append('evidence', picked.file, picked.file.name);
    let result: Awaited<ReturnType<typeof fileAppealAction>>;
    try {
      result = await fileAppealAction(body);
    } catch {
      release();
      setSubmitError(t('check.unreachable'));
      return;
    }
    if (result.ok) {
      // The button stays disabled until the confirmation page replaces this one.
      router.push(`/my-cases/${result.data.caseId}/confirmation`);
      return;
    }
    release();
    if (!(result.fieldErrors && showServerErrors(result.fieldErrors))) {
      setSubmitError(
        t('check.failed', { message: tAll(result.fieldErrors?._form ?? result.messageKey, result.values) }),
      );
    }
  };

  const units = unitsByProvince[province];
  const summary = showSummary ? stepErrors(step) : [];

  return (
    <div className="max-w-3xl">
      {index > 0 ? (
        <button
          type="button"
          className="mb-4 cursor-pointer border-0 bg-transparent p-0 text-link underline"
          onClick={onBack}
          disabled={submitting}
        >
          {t('back')}
        </button>
      ) : null}
      <ErrorSummary title={t('errorSummaryTitle')} errors={summary} />
      <p className="mb-1 text-muted" data-testid="wizard-progress">
        {t('stepOf', { current: index + 1, total: FILING_STEPS.length })} · {t(`steps.${step}`)}
      </p>
      <h1
        ref={headingRef}
        tabIndex={-1}
        className="mb-6 text-3xl font-bold focus:outline-none"
        data-testid="wizard-heading"
      >
        {step === 'evidence' ? tAll('citizenEvidence.heading') : t(`${step}.heading`)}
      </h1>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void (step === 'check' ? onSubmit() : onContinue());
        }}
      >
        {step === 'code' ? <CodeStep form={form} errorOf={errorOf} /> : null}
        {step === 'where' ? (
          <WhereStep
            form={form}
            errorOf={errorOf}
            choices={choices}
            units={units}
            locale={locale}
            onProvinceChange={loadUnits}
          />
        ) : null}
        {step === 'grounds' ? <GroundsStep form={form} errorOf={errorOf} /> : null}
        {step === 'evidence' ? (
          <>
            <p className="mb-4">{tAll('citizenEvidence.intro')}</p>
            <EvidencePicker
              inputId={EVIDENCE_INPUT_ID}
              label={tAll('citizenEvidence.chooseLabel')}
              files={files}
              listError={evidenceError}
              onChange={(next, listError) => {
                setFiles(next);
                setEvidenceError(listError);
              }}
            />
            {showSummary && filesInvalid ? (
              <p className="mb-4 font-semibold">{tAll('citizenEvidence.fixRejected')}</p>
            ) : null}
          </>
        ) : null}
        {step === 'identity' ? <IdentityStep form={form} errorOf={errorOf} /> : null}
        {step === 'privacy' ? (
          <PrivacyStep form={form} errorOf={errorOf} version={choices.privacyNoticeVersion} />
        ) : null}
        {step === 'check' ? (
          <>
            <CheckAnswers
              values={getValues()}
              files={files}
              choices={choices}
              units={Array.isArray(units) ? units : undefined}
              locale={locale}
              onChange={onChangeAnswer}
            />
            <h2 className="mb-2 text-xl font-bold">{t('check.declarationHeading')}</h2>
            <p className="mb-4">{t('check.declaration')}</p>
            {submitError ? (
              <p
                role="alert"
                className="mb-4 border-l-4 border-danger bg-panel px-4 py-3 font-semibold text-danger"
                data-testid="submit-error"
              >
                {submitError}
              </p>
            ) : null}
          </>
        ) : null}
        <div className="mt-2 flex flex-wrap items-center gap-4">
          <button
            type="submit"
            className="button"
            disabled={submitting}
            aria-disabled={submitting || undefined}
            data-testid={step === 'check' ? 'submit-appeal' : 'continue'}
          >
            {step === 'check'
              ? submitting
                ? t('check.submitting')
                : t('check.submit')
              : returnToCheck
                ? t('returnToCheck')
                : t('continue')}
          </button>
        </div>
      </form>
      <p className="mt-8">
        <Link href="/my-cases">{t('cancel')}</Link>
      </p>
    </div>
  );
}
