'use client';
// The question steps of the filing wizard (all but evidence and "check your answers"). Each step asks one question
// (a question may have two tightly bound inputs, as the issuing province and unit); each renders only its own fields; the values live in the wizard's one form, so nothing is lost when the person goes back and forth.
import { useEffect } from 'react';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslations } from 'next-intl';
import { RadioGroup, type RadioOption } from '@/components/ui/radio-group';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { TextareaField } from '@/components/ui/textarea-field';
import { describedBy, FieldError } from '@/components/ui/field-error';
import type { CityChoice, FilingChoices } from '@/lib/cases/views/citizen-queries';
import { AppealGround } from '@/lib/db/generated/enums';
import { formatInputDateTime } from '@/lib/i18n/format-date';
import { fieldIdOf, RELIEF_DETAIL_MAX, RELIEF_REASONS, type FilingField, type FilingFormValues } from './filing-form';

export interface StepProps {
  form: UseFormReturn<FilingFormValues>;
  /** The translated error of a field, or null. */
  errorOf: (field: FilingField) => string | null;
}

export function TypeStep({ form, errorOf }: StepProps) {
  const t = useTranslations('citizenFiling.code');
  const { register, setValue, getValues } = form;
  return (
    <RadioGroup
      id={fieldIdOf('type')}
      legend={t('typeLegend')}
      error={errorOf('type')}
      options={[
        { value: 'CODE_APPEAL', label: t('appealLabel'), hint: t('appealHint') },
        { value: 'RECOGNITION_COMPLAINT', label: t('complaintLabel'), hint: t('complaintHint') },
      ]}
      input={register('type', {
        onChange: (event: { target: { value: string } }) => {
          // The answers that depend on the type follow it, so the later steps never hold a contradiction.
          if (event.target.value === 'RECOGNITION_COMPLAINT') {
            setValue('requestedOutcome', 'RECOGNISE');
            return;
          }
          setValue('refusingProvinceCode', '');
          if (getValues('requestedOutcome') === 'RECOGNISE') setValue('requestedOutcome', undefined);
          if (getValues('grounds') === 'NOT_RECOGNISED') setValue('grounds', undefined);
        },
      })}
    />
  );
}

export function ColourStep({ form, errorOf }: StepProps) {
  const t = useTranslations('citizenFiling.code');
  const tTerms = useTranslations('citizenTerms');
  const { register, setValue, getValues } = form;
  return (
    <RadioGroup
      id={fieldIdOf('colour')}
      legend={t('colourLegend')}
      hint={t('colourHint')}
      error={errorOf('colour')}
      options={[
        { value: 'RED', label: tTerms('colours.RED') },
        { value: 'YELLOW', label: tTerms('colours.YELLOW') },
      ]}
      input={register('colour', {
        onChange: (event: { target: { value: string } }) => {
          if (event.target.value === 'YELLOW' && getValues('requestedOutcome') === 'DOWNGRADE')
            setValue('requestedOutcome', undefined);
        },
      })}
    />
  );
}

export function AssignedAtStep({ form, errorOf }: StepProps) {
  const t = useTranslations('citizenFiling.where');
  return (
    <TextField
      id={fieldIdOf('codeAssignedAt')}
      label={t('assignedAtLabel')}
      hint={t('assignedAtHint')}
      type="datetime-local"
      max={formatInputDateTime(new Date())}
      error={errorOf('codeAssignedAt')}
      className="max-w-xs"
      {...form.register('codeAssignedAt')}
    />
  );
}

export type UnitsState = CityChoice[] | 'loading' | 'failed' | undefined;

function ProvinceOptions({ choices }: { choices: FilingChoices }) {
  const t = useTranslations('citizenFiling.where');
  return (
    <>
      <option value="">{t('choose')}</option>
      {choices.provinces.map((choice) => (
        <option key={choice.code} value={choice.code}>
          {choice.name}
        </option>
      ))}
    </>
  );
}

export interface IssuerStepProps extends StepProps {
  choices: FilingChoices;
  units: UnitsState;
  /** Loads the cities and counties of the province just chosen. */
  onProvinceChange: (provinceCode: string) => void;
}

/** Who gave the code: its province and, within it, the city or county (one question, the second list follows the first). */
export function IssuerStep({ form, errorOf, choices, units, onProvinceChange }: IssuerStepProps) {
  const t = useTranslations('citizenFiling.where');
  const { register, setValue, getValues, control } = form;
  const province = useWatch({ control, name: 'issuingProvinceCode' });
  // A unit kept from before a reload is shown once its province's list has arrived.
  useEffect(() => {
    if (Array.isArray(units)) setValue('issuingUnitCode', getValues('issuingUnitCode'));
  }, [units, setValue, getValues]);
  const unitHint = !province
    ? t('chooseProvinceFirst')
    : units === 'loading'
      ? t('loading')
      : units === 'failed'
        ? t('loadFailed')
        : t('unitHint');
  return (
    <>
      <SelectField
        id={fieldIdOf('issuingProvinceCode')}
        label={t('provinceLabel')}
        hint={t('provinceHint')}
        error={errorOf('issuingProvinceCode')}
        className="max-w-md"
        {...register('issuingProvinceCode', {
          onChange: (event: { target: { value: string } }) => {
            setValue('issuingUnitCode', '');
            onProvinceChange(event.target.value);
          },
        })}
      >
        <ProvinceOptions choices={choices} />
      </SelectField>
      <SelectField
        id={fieldIdOf('issuingUnitCode')}
        label={t('unitLabel')}
        hint={unitHint}
        error={errorOf('issuingUnitCode')}
        disabled={!Array.isArray(units)}
        className="max-w-md"
        {...register('issuingUnitCode')}
      >
        <option value="">{t('choose')}</option>
        {Array.isArray(units)
          ? units.map((city) => (
              <optgroup key={city.code} label={city.name}>
                <option value={city.code}>{t('cityLevel', { name: city.name })}</option>
                {city.counties.map((county) => (
                  <option key={county.code} value={county.code}>
                    {county.name}
                  </option>
                ))}
              </optgroup>
            ))
          : null}
      </SelectField>
    </>
  );
}

export function RefusingStep({ form, errorOf, choices }: StepProps & { choices: FilingChoices }) {
  const t = useTranslations('citizenFiling.where');
  return (
    <SelectField
      id={fieldIdOf('refusingProvinceCode')}
      label={t('refusingLabel')}
      hint={t('refusingHint')}
      error={errorOf('refusingProvinceCode')}
      className="max-w-md"
      {...form.register('refusingProvinceCode')}
    >
      <ProvinceOptions choices={choices} />
    </SelectField>
  );
}

export function ReasonStep({ form, errorOf, choices, locale }: StepProps & { choices: FilingChoices; locale: string }) {
  const t = useTranslations('citizenFiling.where');
  const reasonOptions: RadioOption[] = [
    ...choices.reasons.map((reason) => ({
      value: reason.code,
      label: locale === 'en' ? reason.nameEn : reason.nameZh,
    })),
    { value: '', label: t('reasonNone'), hint: t('reasonNoneHint') },
  ];
  return (
    <RadioGroup
      id={fieldIdOf('statedReasonCode')}
      legend={t('reasonLegend')}
      hint={t('reasonHint')}
      error={errorOf('statedReasonCode')}
      options={reasonOptions}
      input={form.register('statedReasonCode')}
    />
  );
}

const APPEAL_GROUNDS = Object.values(AppealGround).filter((ground) => ground !== 'NOT_RECOGNISED');

export function GroundsStep({ form, errorOf }: StepProps) {
  const t = useTranslations('citizenFiling.grounds');
  const tTerms = useTranslations('citizenTerms');
  const type = useWatch({ control: form.control, name: 'type' });
  const grounds = type === 'RECOGNITION_COMPLAINT' ? (['NOT_RECOGNISED', ...APPEAL_GROUNDS] as const) : APPEAL_GROUNDS;
  return (
    <RadioGroup
      id={fieldIdOf('grounds')}
      legend={t('groundsLegend')}
      error={errorOf('grounds')}
      options={grounds.map((ground) => ({ value: ground, label: tTerms(`grounds.${ground}`) }))}
      input={form.register('grounds')}
    />
  );
}

export function StatementStep({ form, errorOf }: StepProps) {
  const t = useTranslations('citizenFiling.grounds');
  const statement = useWatch({ control: form.control, name: 'statement' }) ?? '';
  return (
    <TextareaField
      id={fieldIdOf('statement')}
      label={t('statementLabel')}
      hint={t('statementHint')}
      error={errorOf('statement')}
      maxLength={2000}
      count={t('statementCount', { count: statement.length })}
      {...form.register('statement')}
    />
  );
}

export function OutcomeStep({ form, errorOf }: StepProps) {
  const t = useTranslations('citizenFiling.grounds');
  const tTerms = useTranslations('citizenTerms');
  const { control, register } = form;
  const type = useWatch({ control, name: 'type' });
  const colour = useWatch({ control, name: 'colour' });
  const outcomes = colour === 'RED' ? (['REVOKE', 'DOWNGRADE'] as const) : (['REVOKE'] as const);
  return type === 'RECOGNITION_COMPLAINT' ? (
    <div className="mb-6">
      <p className="mb-1 font-semibold">{t('outcomeLegend')}</p>
      <p className="m-0">{t('recogniseFixed')}</p>
      <FieldError id={`${fieldIdOf('requestedOutcome')}-error`} message={errorOf('requestedOutcome')} />
    </div>
  ) : (
    <RadioGroup
      id={fieldIdOf('requestedOutcome')}
      legend={t('outcomeLegend')}
      error={errorOf('requestedOutcome')}
      options={outcomes.map((outcome) => ({ value: outcome, label: tTerms(`requestedOutcomes.${outcome}`) }))}
      input={register('requestedOutcome')}
    />
  );
}

/** Interim relief (SPEC §15): whether the person needs the code changed before the decision, why, and a short detail. */
export function ReliefStep({ form, errorOf }: StepProps) {
  const t = useTranslations('citizenFiling.relief');
  const { control, register, setValue } = form;
  const need = useWatch({ control, name: 'reliefNeed' });
  const detail = useWatch({ control, name: 'reliefDetail' }) ?? '';
  return (
    <>
      <RadioGroup
        id={fieldIdOf('reliefNeed')}
        legend={t('needLegend')}
        hint={t('needHint')}
        error={errorOf('reliefNeed')}
        options={[...RELIEF_REASONS, 'NONE' as const].map((value) => ({ value, label: t(`needs.${value}`) }))}
        input={register('reliefNeed', {
          onChange: (event: { target: { value: string } }) => {
            if (event.target.value === 'NONE') setValue('reliefDetail', '');
          },
        })}
      />
      {need && need !== 'NONE' ? (
        <TextareaField
          id={fieldIdOf('reliefDetail')}
          label={t('detailLabel')}
          hint={t('detailHint')}
          error={errorOf('reliefDetail')}
          rows={3}
          maxLength={RELIEF_DETAIL_MAX}
          count={t('detailCount', { count: detail.length })}
          {...register('reliefDetail')}
        />
      ) : null}
    </>
  );
}

/** Which identity document the number comes from: a GB 11643 card (resident ID, permit) or, for a foreigner holding
 * none, a passport (issue 13 point 11). */
export function DocumentStep({ form, errorOf }: StepProps) {
  const t = useTranslations('citizenFiling.identity');
  return (
    <RadioGroup
      id={fieldIdOf('idDocumentType')}
      legend={t('documentLegend')}
      error={errorOf('idDocumentType')}
      options={[
        { value: 'RESIDENT_ID', label: t('documentResidentLabel'), hint: t('documentResidentHint') },
        { value: 'PASSPORT', label: t('documentPassportLabel'), hint: t('documentPassportHint') },
      ]}
      input={form.register('idDocumentType')}
    />
  );
}

export function IdentityStep({ form, errorOf }: StepProps) {
  const t = useTranslations('citizenFiling.identity');
  const { register, control } = form;
  const passport = useWatch({ control, name: 'idDocumentType' }) === 'PASSPORT';
  return (
    <>
      <p className="mb-6 border-l-4 border-rule pl-3">{t('intro')}</p>
      <TextField
        id={fieldIdOf('applicantName')}
        label={t('nameLabel')}
        hint={t(passport ? 'passportNameHint' : 'nameHint')}
        autoComplete="name"
        maxLength={50}
        error={errorOf('applicantName')}
        className="max-w-md"
        {...register('applicantName')}
      />
      <TextField
        id={fieldIdOf('idNumber')}
        label={t(passport ? 'passportLabel' : 'idLabel')}
        hint={t(passport ? 'passportHint' : 'idHint')}
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="characters"
        maxLength={18}
        error={errorOf('idNumber')}
        className="max-w-md font-mono"
        {...register('idNumber')}
      />
    </>
  );
}

export function ContactStep({ form, errorOf }: StepProps) {
  const t = useTranslations('citizenFiling.identity');
  const { register } = form;
  return (
    <TextField
      id={fieldIdOf('mobile')}
      label={t('mobileLabel')}
      hint={t('mobileHint')}
      type="tel"
      inputMode="numeric"
      autoComplete="tel-national"
      maxLength={11}
      error={errorOf('mobile')}
      className="max-w-xs"
      {...register('mobile')}
    />
  );
}

export function PrivacyStep({ form, errorOf, version }: StepProps & { version: string }) {
  const t = useTranslations('citizenFiling.privacy');
  const error = errorOf('privacyNoticeAccepted') ?? errorOf('privacyNoticeVersion');
  const id = fieldIdOf('privacyNoticeAccepted');
  return (
    <>
      <p className="mb-4 text-muted" data-testid="privacy-version">
        {t('version', { version })}
      </p>
      <div className="mb-6 max-w-3xl border-l-4 border-rule pl-4">
        {(['p1', 'p2', 'p3', 'p4', 'p5'] as const).map((key) => (
          <p key={key} className="mb-3">
            {t(key)}
          </p>
        ))}
      </div>
      <div className={`mb-6 ${error ? 'border-l-4 border-danger pl-3' : ''}`}>
        <FieldError id={`${id}-error`} message={error} />
        <div className="flex items-start gap-3">
          <input
            id={id}
            type="checkbox"
            className="mt-1 h-6 w-6 shrink-0 accent-ink"
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(error && `${id}-error`)}
            {...form.register('privacyNoticeAccepted')}
          />
          <label htmlFor={id} className="cursor-pointer font-semibold">
            {t('acceptLabel')}
          </label>
        </div>
      </div>
    </>
  );
}
