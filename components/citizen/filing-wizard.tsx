'use client';
// The filing wizard (SPEC §4, §13, §15): one question per step, one form state for the whole journey, each step
// validated with the shared filingSchema (and the relief question with its own), "check your answers" with change
// links, and one submit carrying the idempotency key made for this wizard, so a double click files one case.
// Each step is a browser history entry (`#step=name`, nothing personal in the URL; a fragment, so moving between steps
// never asks the server for the page again): Back and Forward move between steps,
// and the answers and chosen files are kept in this tab (filing-draft.ts), so Back, Forward and reload lose nothing.
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
import { clearFilingDraft, readDraft, readDraftFiles, writeDraft, writeDraftFiles } from './filing-draft';
import {
  fieldIdOf,
  filingFormData,
  FILING_STEPS,
  isFilingStep,
  documentSchema,
  reliefSchema,
  splitFilingValues,
  STEP_FIELDS,
  stepOfField,
  stepsFor,
  unansweredSteps,
  type FilingAnswers,
  type FilingField,
  type FilingFormValues,
  type FilingStep,
} from './filing-form';
import {
  AssignedAtStep,
  ColourStep,
  ContactStep,
  DocumentStep,
  GroundsStep,
  IdentityStep,
  IssuerStep,
  OutcomeStep,
  PrivacyStep,
  ReasonStep,
  RefusingStep,
  ReliefStep,
  StatementStep,
  TypeStep,
  type UnitsState,
} from './filing-steps';

export interface FilingWizardProps {
  choices: FilingChoices;
  defaultMobile: string;
  idempotencyKey: string;
  locale: string;
  /** The signed-in user: a draft kept in this tab by someone else is never shown. */
  draftOwner: string;
  /** Files the appeal (a server action handed down by the page): the filing as JSON and the evidence files. */
  fileAppealAction: (formData: FormData) => Promise<ActionResult<{ caseId: string; reference: string }>>;
  /** The issuing units of a province, for the unit step (a server action handed down by the page). */
  listIssuingUnitsAction: (input: { provinceCode: string }) => Promise<ActionResult<CityChoice[]>>;
}

const EVIDENCE_INPUT_ID = 'evidence-input';
const FIRST_STEP: FilingStep = 'type';

const filingResolver = zodResolver(filingSchema) as unknown as Resolver<FilingAnswers>;
const reliefResolver = zodResolver(reliefSchema) as unknown as Resolver<Pick<FilingFormValues, 'reliefNeed'>>;
const documentResolver = zodResolver(documentSchema) as unknown as Resolver<Pick<FilingFormValues, 'idDocumentType'>>;

/** The filing answers checked by filingSchema, the relief answers by reliefSchema, the document question answered;
 * their errors side by side. */
const resolver: Resolver<FilingFormValues> = async (values, context, options) => {
  const { filing, relief } = splitFilingValues(values);
  const [filingResult, reliefResult, documentResult] = await Promise.all([
    filingResolver(filing, context, options as never),
    reliefResolver(relief, context, options as never),
    documentResolver({ idDocumentType: filing.idDocumentType }, context, options as never),
  ]);
  const errors = { ...filingResult.errors, ...reliefResult.errors, ...documentResult.errors };
  return Object.keys(errors).length === 0 ? { values, errors: {} } : { values: {}, errors };
};

const STEP_FRAGMENT = /^#step=([a-zA-Z]+)$/;

/** The step the address names: the first step when it names none, null when its fragment is not a step's. */
function stepOfLocation(): FilingStep | null {
  if (!window.location.hash) return FIRST_STEP;
  const named = STEP_FRAGMENT.exec(window.location.hash)?.[1];
  return isFilingStep(named) ? named : null;
}

/** Set when a wizard has been shown in this document: a later one is the same journey, shown again by the router. */
let shownBefore = false;

function historyDepth(): number {
  const state = window.history.state as { filingDepth?: unknown } | null;
  return typeof state?.filingDepth === 'number' ? state.filingDepth : 0;
}

function newDraftId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export function FilingWizard({
  choices,
  defaultMobile,
  idempotencyKey,
  locale,
  draftOwner,
  fileAppealAction,
  listIssuingUnitsAction,
}: FilingWizardProps) {
  const t = useTranslations('citizenFiling');
  const tAll = useTranslations();
  const router = useRouter();
  const form = useForm<FilingFormValues>({
    // The form holds the raw answers; the schema's output (dates, nulls) is what the server computes again.
    resolver,
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
      reliefDetail: '',
    },
  });
  const { formState, trigger, getValues, setError, control, subscribe } = form;

  // Until the draft kept in this tab is read, nothing is shown (the server cannot see it).
  const [ready, setReady] = useState(false);
  const [step, setStep] = useState<FilingStep>(FIRST_STEP);
  const [reachedCheck, setReachedCheck] = useState(false);
  const [showSummary, setShowSummary] = useState(false);
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [filesSaved, setFilesSaved] = useState(true);
  const [evidenceError, setEvidenceError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const submittingRef = useRef(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const draftId = useRef('');
  /** Set once the appeal is filed: nothing is stored again. */
  const finished = useRef(false);

  // Cities and counties of each province, loaded once per province when it is chosen.
  const [unitsByProvince, setUnitsByProvince] = useState<Record<string, UnitsState>>({});
  const province = useWatch({ control, name: 'issuingProvinceCode' });
  const type = useWatch({ control, name: 'type' });
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

  /** Shows a step (after the history entry changed). */
  const show = useCallback((next: FilingStep) => {
    setShowSummary(false);
    setStep(next);
    if (next === 'check') setReachedCheck(true);
  }, []);

  /** Shows a step, as a new history entry (Continue, Change) or in place of the current one (resuming). */
  const goTo = useCallback(
    (next: FilingStep, how: 'push' | 'replace' = 'push') => {
      moved.current = true;
      show(next);
      const url = `${window.location.pathname}${next === FIRST_STEP ? '' : `#step=${next}`}`;
      const depth = historyDepth();
      if (how === 'push') window.history.pushState({ filingDepth: depth + 1 }, '', url);
      else window.history.replaceState({ ...(window.history.state as object | null), filingDepth: depth }, '', url);
      window.scrollTo({ top: 0 });
    },
    [show],
  );

  /** The step to show for the one asked for: never past a question still unanswered, never one this filing skips. */
  const resolveStep = useCallback(
    (wanted: FilingStep | null): FilingStep => {
      const values = getValues();
      const order = stepsFor(values.type);
      const missing = unansweredSteps(values)[0];
      const target = wanted && order.includes(wanted) ? wanted : (missing ?? 'check');
      return missing && order.indexOf(missing) < order.indexOf(target) ? missing : target;
    },
    [getValues],
  );

  // Resume the draft kept in this tab (after a reload or coming back), then show the step the address names.
  useEffect(() => {
    const draft = readDraft(draftOwner);
    draftId.current = draft?.draftId ?? newDraftId();
    if (draft) {
      const notice = draft.values.privacyNoticeVersion === choices.privacyNoticeVersion;
      form.reset({
        ...draft.values,
        // Consent given to an older notice does not cover the one in force now.
        privacyNoticeAccepted: notice && draft.values.privacyNoticeAccepted,
        privacyNoticeVersion: choices.privacyNoticeVersion,
      });
    }
    let cancelled = false;
    (draft ? readDraftFiles(draftId.current) : Promise.resolve([]))
      .catch(() => [] as PickedFile[])
      .then((restored) => {
        if (cancelled) return;
        setFiles(restored);
        if (draft?.reachedCheck) setReachedCheck(true);
        if (draft?.values.issuingProvinceCode) loadUnits(draft.values.issuingProvinceCode);
        const wanted = stepOfLocation();
        const shown = resolveStep(wanted);
        if (shown !== wanted) goTo(shown, 'replace');
        else show(shown);
        // Focus moves to the heading when the router shows the wizard again, not on a fresh page load.
        moved.current = shownBefore;
        shownBefore = true;
        setReady(true);
      });
    return () => {
      cancelled = true;
    };
    // Once, when the wizard opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Back and Forward: the browser moves between the steps' history entries.
  useEffect(() => {
    const onPopState = () => {
      // A fragment that is not a step's (a skip link) leaves the step as it is.
      if (window.location.hash && !STEP_FRAGMENT.test(window.location.hash)) return;
      const wanted = stepOfLocation();
      const shown = resolveStep(wanted);
      if (shown !== wanted) goTo(shown, 'replace');
      else {
        moved.current = true;
        show(shown);
      }
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, [goTo, resolveStep, show]);

  // Every answer is kept in the tab as it is given.
  useEffect(() => {
    if (!ready) return;
    const save = () => {
      if (finished.current) return;
      writeDraft({ owner: draftOwner, draftId: draftId.current, values: getValues(), reachedCheck });
    };
    save();
    return subscribe({ formState: { values: true }, callback: save });
  }, [ready, reachedCheck, draftOwner, subscribe, getValues]);

  useEffect(() => {
    if (!ready || finished.current) return;
    setFilesSaved(false);
    let current = true;
    void writeDraftFiles(draftId.current, files).then(() => {
      if (current) setFilesSaved(true);
    });
    return () => {
      current = false;
    };
  }, [ready, files]);

  // Each step starts at its heading, so screen-reader and keyboard users know where they are.
  useEffect(() => {
    if (ready && moved.current) headingRef.current?.focus();
  }, [step, ready]);

  const errorOf = (field: FilingField): string | null => {
    const key = formState.errors[field]?.message;
    return typeof key === 'string' && key ? tAll(key) : null;
  };

  const order = stepsFor(type);
  const index = order.indexOf(step);
  const filesInvalid = files.some((file) => file.error !== null) || evidenceError !== null;

  const stepErrors = (which: FilingStep): SummaryError[] => {
    const fieldErrors = STEP_FIELDS[which].flatMap((field) => {
      const message = errorOf(field);
      return message ? [{ fieldId: fieldIdOf(field), message }] : [];
    });
    if (which !== 'evidence') return fieldErrors;
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
    return [...listError, ...fileErrors];
  };

  const onContinue = async () => {
    if (unitsByProvince[province] === 'failed') loadUnits(province);
    const valid = step === 'evidence' ? !filesInvalid : await trigger(STEP_FIELDS[step]);
    if (!valid) {
      setShowSummary(true);
      return;
    }
    const values = getValues();
    const steps = stepsFor(values.type);
    const here = steps.indexOf(step);
    // Once the answers have been checked, a changed answer returns there (through any question it newly raises).
    const next = reachedCheck
      ? (unansweredSteps(values).find((which) => steps.indexOf(which) > here) ?? 'check')
      : (steps[here + 1] ?? 'check');
    goTo(next);
  };

  const onBack = () => {
    if (historyDepth() > 0) {
      window.history.back();
      return;
    }
    goTo(order[Math.max(0, index - 1)] ?? FIRST_STEP, 'replace');
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
      else if (field === 'reliefReason') setError('reliefNeed', { type: 'server', message: key });
      else setError(field as FilingField, { type: 'server', message: key });
    }
    if (rejected.size > 0)
      setFiles((all) => all.map((file, position) => ({ ...file, error: rejected.get(position) ?? file.error })));
    if (first) {
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
      const firstInvalid = order.find((which) => STEP_FIELDS[which].some((field) => form.getFieldState(field).invalid));
      if (firstInvalid) {
        goTo(firstInvalid);
        setShowSummary(true);
      }
      return;
    }
    if (filesInvalid) {
      release();
      goTo('evidence');
      setShowSummary(true);
      return;
    }
    let result: Awaited<ReturnType<typeof fileAppealAction>>;
    try {
      result = await fileAppealAction(
        filingFormData(
          getValues(),
          files.map((picked) => picked.file),
        ),
      );
    } catch {
      release();
      setSubmitError(t('check.unreachable'));
      return;
    }
    if (result.ok) {
      // Filed: nothing of the draft stays in the browser. The button stays disabled until the confirmation page
      // replaces this one.
      finished.current = true;
      await clearFilingDraft();
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

  if (!ready) {
    return (
      <div className="max-w-3xl">
        <p className="text-muted" role="status" data-testid="wizard-restoring">
          {t('restoring')}
        </p>
      </div>
    );
  }

  const units = unitsByProvince[province];
  const summary = showSummary ? stepErrors(step) : [];
  const stepProps = { form, errorOf };

  return (
    <div className="max-w-3xl" data-testid="filing-wizard" data-files-saved={filesSaved}>
      {step !== FIRST_STEP ? (
        <button
          type="button"
          className="mb-4 min-h-11 cursor-pointer border-0 bg-transparent p-0 text-link underline"
          onClick={onBack}
          disabled={submitting}
        >
          {t('back')}
        </button>
      ) : null}
      <ErrorSummary title={t('errorSummaryTitle')} errors={summary} />
      <p className="mb-1 text-muted" data-testid="wizard-progress">
        {t('stepOf', { current: (index < 0 ? FILING_STEPS.indexOf(step) : index) + 1, total: order.length })} ·{' '}
        {t(`steps.${step}`)}
      </p>
      <h1
        ref={headingRef}
        tabIndex={-1}
        className="mb-6 text-3xl font-bold focus:outline-none"
        data-testid="wizard-heading"
      >
        {step === 'evidence' ? tAll('citizenEvidence.heading') : t(`headings.${step}`)}
      </h1>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void (step === 'check' ? onSubmit() : onContinue());
        }}
      >
        {step === 'type' ? <TypeStep {...stepProps} /> : null}
        {step === 'colour' ? <ColourStep {...stepProps} /> : null}
        {step === 'assignedAt' ? <AssignedAtStep {...stepProps} /> : null}
        {step === 'issuer' ? (
          <IssuerStep {...stepProps} choices={choices} units={units} onProvinceChange={loadUnits} />
        ) : null}
        {step === 'refusing' ? <RefusingStep {...stepProps} choices={choices} /> : null}
        {step === 'reason' ? <ReasonStep {...stepProps} choices={choices} locale={locale} /> : null}
        {step === 'grounds' ? <GroundsStep {...stepProps} /> : null}
        {step === 'statement' ? <StatementStep {...stepProps} /> : null}
        {step === 'outcome' ? <OutcomeStep {...stepProps} /> : null}
        {step === 'relief' ? <ReliefStep {...stepProps} /> : null}
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
        {step === 'document' ? <DocumentStep {...stepProps} /> : null}
        {step === 'identity' ? <IdentityStep {...stepProps} /> : null}
        {step === 'contact' ? <ContactStep {...stepProps} /> : null}
        {step === 'privacy' ? <PrivacyStep {...stepProps} version={choices.privacyNoticeVersion} /> : null}
        {step === 'check' ? (
          <>
            <CheckAnswers
              values={getValues()}
              files={files}
              choices={choices}
              units={Array.isArray(units) ? units : undefined}
              locale={locale}
              onChange={(target) => goTo(target)}
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
              : reachedCheck
                ? t('returnToCheck')
                : t('continue')}
          </button>
        </div>
      </form>
      <p className="mt-8">
        <Link href="/my-cases" onClick={() => void clearFilingDraft()}>
          {t('cancel')}
        </Link>
      </p>
    </div>
  );
}
