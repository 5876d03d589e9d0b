'use client';
// What the reviewer can do to the case now, each a form checked with the same zod schema the server uses. Every form
// sends the case version this screen shows; when someone changed the case meanwhile, the server refuses, the panel says
// so, and the screen reloads with the current case (never a silent overwrite). The panel's messages survive the reload.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import { useForm, type FieldValues, type Path, type Resolver, type UseFormReturn } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useLocale, useTranslations } from 'next-intl';
import type { ActionResult } from '@/lib/core/action-result';
import { DecisionFields } from '@/components/forms/decision-fields';
import { ErrorSummary } from '@/components/ui/error-summary';
import { SelectField } from '@/components/ui/select-field';
import { TextareaField } from '@/components/ui/textarea-field';
import type { CodeColour } from '@/lib/db/generated/enums';
import { REQUEST_TEMPLATES } from '@/lib/cases/forms/request-templates';
import { caseActionSchema, decideSchema, requestInformationSchema, transferSchema } from '@/lib/cases/forms/schemas';
import type { CaseActionsAvailable, CatalogueRule, NamedCode } from '@/lib/cases/views/staff-case-view';
import { formatDateTime } from '@/lib/i18n/format-date';

/** A reviewer's case action (a server action handed down by the page); every one names the case and its version. */
type CaseAction<Input = CaseVersionInput> = (input: Input) => Promise<ActionResult<unknown>>;
type CaseVersionInput = { caseId: string; expectedVersion: number };

/** The server actions the panel calls. */
export interface ReviewerCaseActions {
  claim: CaseAction;
  startReview: CaseAction;
  release: CaseAction;
  requestInformation: CaseAction<CaseVersionInput & { message: string }>;
  decide: CaseAction<never>;
  transfer: CaseAction<CaseVersionInput & { toProvinceCode: string; reason: string }>;
}

type Notice = { kind: 'success' | 'conflict' | 'error'; text: string };

type Submit = (
  call: () => Promise<ActionResult<unknown>>,
  success: string,
  options?: { form?: UseFormReturn<never>; goTo?: string },
) => Promise<void>;

export interface CaseActionsProps {
  caseId: string;
  version: number;
  colour: CodeColour;
  actions: CaseActionsAvailable;
  rules: CatalogueRule[];
  provinces: NamedCode[];
  serverActions: ReviewerCaseActions;
}

export function CaseActions({ caseId, version, colour, actions, rules, provinces, serverActions }: CaseActionsProps) {
  const t = useTranslations('reviewActions');
  const tAll = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  const [notice, setNotice] = useState<Notice | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const submit: Submit = async (call, success, options = {}) => {
    setNotice(null);
    const result = await call().catch(() => null);
    if (result?.ok) {
      setNotice({ kind: 'success', text: success });
      if (options.goTo) router.push(options.goTo);
      else router.refresh();
      return;
    }
    if (!result) {
      setNotice({ kind: 'error', text: tAll('errors.generic') });
      return;
    }
    if (result.messageKey === 'errors.staleVersion') {
      setNotice({ kind: 'conflict', text: t('conflict') });
    } else {
      for (const [field, key] of Object.entries(result.fieldErrors ?? {})) {
        options.form?.setError(field as never, { type: 'server', message: key });
      }
      setNotice({ kind: 'error', text: tAll(result.messageKey) });
    }
    // Whatever refused the action, the screen now shows the case as it is.
    router.refresh();
  };

  const shared = { caseId, version, submit, serverActions };
  const any =
    actions.claim ||
    actions.startReview ||
    actions.requestInformation ||
    actions.decide ||
    actions.transfer ||
    actions.release;
  return (
    <section aria-labelledby="actions-heading" className="mb-8 border-4 border-ink p-4" data-testid="case-actions">
      <h2 id="actions-heading" className="mb-3 text-2xl font-bold">
        {t('heading')}
      </h2>
      <div ref={noticeRef} tabIndex={-1} className="focus:outline-none">
        {notice && notice.kind !== 'success' ? (
          <div
            role="alert"
            className="mb-4 border-l-4 border-danger bg-panel p-3"
            data-testid={notice.kind === 'conflict' ? 'conflict-notice' : 'action-error'}
          >
            <p className="m-0 font-bold">{notice.kind === 'conflict' ? t('conflictTitle') : t('errorTitle')}</p>
            <p className="m-0">{notice.text}</p>
          </div>
        ) : null}
        <p
          role="status"
          className={
            notice?.kind === 'success' ? 'mb-4 border-l-4 border-action bg-panel p-3 font-semibold' : 'sr-only'
          }
          data-testid="action-success"
        >
          {notice?.kind === 'success' ? notice.text : ''}
        </p>
      </div>
      {!any ? (
        <p className="m-0" data-testid="no-actions">
          {actions.decideOpensAt ? null : t('none')}
        </p>
      ) : null}
      {actions.decideOpensAt ? (
        <p className="mb-4 border-l-4 border-rule pl-3" data-testid="decide-opens">
          {t('decideOpensAt', {
            time: formatDateTime(actions.decideOpensAt, locale),
          })}
        </p>
      ) : null}
      {actions.claim ? (
        <ButtonForm
          {...shared}
          id="claim"
          label={t('claim.submit')}
          hint={t('claim.hint')}
          call={serverActions.claim}
          success={t('claim.done')}
        />
      ) : null}
      {actions.startReview ? (
        <ButtonForm
          {...shared}
          id="start"
          label={t('start.submit')}
          hint={t('start.hint')}
          call={serverActions.startReview}
          success={t('start.done')}
        />
      ) : null}
      {actions.requestInformation ? <RequestInformationForm {...shared} /> : null}
      {actions.decide ? <DecideForm {...shared} colour={colour} rules={rules} /> : null}
      {actions.transfer || actions.release ? (
        <details className="mt-6 border-t-2 border-rule pt-4">
          <summary className="cursor-pointer text-lg font-semibold">{t('elsewhere')}</summary>
          <div className="mt-4">
            {actions.transfer ? <TransferForm {...shared} provinces={provinces} /> : null}
            {actions.release ? (
              <ButtonForm
                {...shared}
                id="release"
                label={t('release.submit')}
                hint={t('release.hint')}
                call={serverActions.release}
                success={t('release.done')}
                secondary
              />
            ) : null}
          </div>
        </details>
      ) : null}
    </section>
  );
}

interface FormProps {
  caseId: string;
  version: number;
  submit: Submit;
  serverActions: ReviewerCaseActions;
}

/** A form whose fields include caseId and expectedVersion, kept equal to the version on screen after every reload. */
function useCaseForm<Values extends FieldValues & { caseId: string; expectedVersion: number }>(
  schema: Parameters<typeof zodResolver>[0],
  defaults: Values,
  version: number,
): UseFormReturn<Values> {
  const form = useForm<Values>({
    resolver: zodResolver(schema) as unknown as Resolver<Values>,
    defaultValues: defaults as never,
  });
  useEffect(() => {
    form.setValue('expectedVersion' as Path<Values>, version as never);
  }, [form, version]);
  return form;
}

function FormBox({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <div className="mb-6" data-testid={`form-${id}`}>
      <h3 id={`${id}-heading`} className="mb-2 text-xl font-bold">
        {title}
      </h3>
      {children}
    </div>
  );
}

function ButtonForm({
  caseId,
  version,
  submit,
  id,
  label,
  hint,
  success,
  call,
  secondary,
}: FormProps & {
  id: string;
  label: string;
  hint: string;
  success: string;
  secondary?: boolean;
  call: CaseAction;
}) {
  const form = useCaseForm(caseActionSchema, { caseId, expectedVersion: version }, version);
  return (
    <form
      noValidate
      className="mb-6"
      data-testid={`form-${id}`}
      onSubmit={form.handleSubmit((values) => submit(() => call(values), success, { form: form as never }))}
    >
      <p id={`${id}-hint`} className="mb-2">
        {hint}
      </p>
      <button
        type="submit"
        className={`button ${secondary ? 'button-secondary' : ''}`}
        disabled={form.formState.isSubmitting}
        aria-describedby={`${id}-hint`}
      >
        {label}
      </button>
    </form>
  );
}

interface RequestValues {
  caseId: string;
  expectedVersion: number;
  message: string;
  [key: string]: unknown;
}

function RequestInformationForm({ caseId, version, submit, serverActions }: FormProps) {
  const t = useTranslations('reviewActions.request');
  const tAll = useTranslations();
  const locale = useLocale();
  const form = useCaseForm<RequestValues>(
    requestInformationSchema,
    { caseId, expectedVersion: version, message: '' },
    version,
  );
  const error = form.formState.errors.message?.message;
  const message = form.watch('message') ?? '';
  return (
    <FormBox id="request" title={t('heading')}>
      <form
        noValidate
        onSubmit={form.handleSubmit((values) =>
          submit(() => serverActions.requestInformation(values), t('done'), { form: form as never }),
        )}
      >
        <ErrorSummary
          title={tAll('reviewActions.errorSummary')}
          errors={error ? [{ fieldId: 'request-message', message: tAll(error) }] : []}
        />
        <p className="mb-3">{t('hint')}</p>
        <SelectField
          id="request-template"
          label={t('template')}
          hint={t('templateHint')}
          defaultValue=""
          onChange={(event) => {
            const template = REQUEST_TEMPLATES.find((candidate) => candidate.id === event.target.value);
            if (template)
              form.setValue('message', locale === 'en' ? template.en : template.zh, {
                shouldValidate: form.formState.isSubmitted,
              });
          }}
        >
          <option value="">{t('noTemplate')}</option>
          {REQUEST_TEMPLATES.map((template) => (
            <option key={template.id} value={template.id}>
              {t(`templates.${template.id}`)}
            </option>
          ))}
        </SelectField>
        <TextareaField
          id="request-message"
          label={t('message')}
          hint={t('messageHint')}
          error={error ? tAll(error) : null}
          maxLength={2000}
          count={t('count', { count: message.length })}
          {...form.register('message')}
        />
        <button type="submit" className="button" disabled={form.formState.isSubmitting}>
          {t('submit')}
        </button>
      </form>
    </FormBox>
  );
}

interface DecideValues {
  caseId: string;
  expectedVersion: number;
  outcome: string;
  ruleCode: string;
  reasons: string;
  [key: string]: unknown;
}

function DecideForm({
  caseId,
  version,
  submit,
  serverActions,
  colour,
  rules,
}: FormProps & { colour: CodeColour; rules: CatalogueRule[] }) {
  const t = useTranslations('reviewActions.decide');
  const tTerms = useTranslations('reviewTerms');
  const tAll = useTranslations();
  const form = useCaseForm<DecideValues>(
    decideSchema,
    { caseId, expectedVersion: version, outcome: '', ruleCode: '', reasons: '' },
    version,
  );
  const { errors } = form.formState;
  const message = (key: string | undefined) => (key ? tAll(key) : null);
  const outcomes = (['UPHELD', 'DOWNGRADED', 'REVOKED'] as const).filter(
    (outcome) => outcome !== 'DOWNGRADED' || colour === 'RED',
  );
  const reasons = form.watch('reasons') ?? '';
  const summary = [
    ...(errors.outcome?.message ? [{ fieldId: 'decide-outcome', message: tAll(errors.outcome.message) }] : []),
    ...(errors.ruleCode?.message ? [{ fieldId: 'decide-rule', message: tAll(errors.ruleCode.message) }] : []),
    ...(errors.reasons?.message ? [{ fieldId: 'decide-reasons', message: tAll(errors.reasons.message) }] : []),
  ];
  return (
    <FormBox id="decide" title={t('heading')}>
      <form
        noValidate
        onSubmit={form.handleSubmit((values) =>
          submit(() => serverActions.decide(values as never), t('done'), { form: form as never }),
        )}
      >
        <ErrorSummary title={tAll('reviewActions.errorSummary')} errors={summary} />
        <DecisionFields
          idPrefix="decide"
          outcomes={outcomes.map((outcome) => ({
            value: outcome,
            label: tTerms(`decisionOutcomes.${outcome}`),
            hint: t(`outcomeHints.${outcome}`),
          }))}
          rules={rules}
          text={{
            outcome: t('outcome'),
            rule: t('rule'),
            ruleHint: t('ruleHint'),
            chooseRule: t('chooseRule'),
            reasons: t('reasons'),
            reasonsHint: t('reasonsHint'),
            count: t('count', { count: reasons.length }),
          }}
          errors={{
            outcome: message(errors.outcome?.message),
            ruleCode: message(errors.ruleCode?.message),
            reasons: message(errors.reasons?.message),
          }}
          register={{
            outcome: form.register('outcome'),
            ruleCode: form.register('ruleCode'),
            reasons: form.register('reasons'),
          }}
        />
        <button type="submit" className="button" disabled={form.formState.isSubmitting}>
          {t('submit')}
        </button>
      </form>
    </FormBox>
  );
}

interface TransferValues {
  caseId: string;
  expectedVersion: number;
  toProvinceCode: string;
  reason: string;
  [key: string]: unknown;
}

function TransferForm({ caseId, version, submit, serverActions, provinces }: FormProps & { provinces: NamedCode[] }) {
  const t = useTranslations('reviewActions.transfer');
  const tAll = useTranslations();
  const form = useCaseForm<TransferValues>(
    transferSchema,
    { caseId, expectedVersion: version, toProvinceCode: '', reason: '' },
    version,
  );
  const { errors } = form.formState;
  const summary = [
    ...(errors.toProvinceCode?.message
      ? [{ fieldId: 'transfer-province', message: tAll(errors.toProvinceCode.message) }]
      : []),
    ...(errors.reason?.message ? [{ fieldId: 'transfer-reason', message: tAll(errors.reason.message) }] : []),
  ];
  return (
    <FormBox id="transfer" title={t('heading')}>
      <form
        noValidate
        onSubmit={form.handleSubmit((values) =>
          submit(() => serverActions.transfer(values), t('done'), {
            form: form as never,
            goTo: '/review?notice=transferred',
          }),
        )}
      >
        <ErrorSummary title={tAll('reviewActions.errorSummary')} errors={summary} />
        <p className="mb-3">{t('hint')}</p>
        <SelectField
          id="transfer-province"
          label={t('province')}
          error={errors.toProvinceCode?.message ? tAll(errors.toProvinceCode.message) : null}
          {...form.register('toProvinceCode')}
        >
          <option value="">{t('chooseProvince')}</option>
          {provinces.map((province) => (
            <option key={province.code} value={province.code}>
              {province.name}（{province.code}）
            </option>
          ))}
        </SelectField>
        <TextareaField
          id="transfer-reason"
          label={t('reason')}
          hint={t('reasonHint')}
          error={errors.reason?.message ? tAll(errors.reason.message) : null}
          maxLength={1000}
          rows={3}
          {...form.register('reason')}
        />
        <button type="submit" className="button" disabled={form.formState.isSubmitting}>
          {t('submit')}
        </button>
      </form>
    </FormBox>
  );
}
