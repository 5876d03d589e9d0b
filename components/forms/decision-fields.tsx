'use client';
// The three questions of a first-level decision, shared by the reviewer's decision and a supervisor's group finding on
// a mass incident: the outcome, the catalogue rule it rests on, and the written reasons (with a character count).
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useLocale } from 'next-intl';
import { RadioGroup, type RadioOption } from '@/components/ui/radio-group';
import { SelectField } from '@/components/ui/select-field';
import { TextareaField } from '@/components/ui/textarea-field';

export interface DecisionFieldsText {
  outcome: string;
  rule: string;
  ruleHint?: string;
  chooseRule: string;
  reasons: string;
  reasonsHint: string;
  count: string;
}

export function DecisionFields({
  idPrefix,
  outcomes,
  rules,
  text,
  errors,
  register,
}: {
  /** Element ids are `${idPrefix}-outcome`, `-rule` and `-reasons` (the error summary links to them). */
  idPrefix: string;
  outcomes: RadioOption[];
  rules: { code: string; nameZh: string; nameEn: string }[];
  text: DecisionFieldsText;
  errors: { outcome: string | null; ruleCode: string | null; reasons: string | null };
  register: {
    outcome: UseFormRegisterReturn;
    ruleCode: UseFormRegisterReturn;
    reasons: UseFormRegisterReturn;
  };
}) {
  const locale = useLocale();
  return (
    <>
      <RadioGroup
        id={`${idPrefix}-outcome`}
        legend={text.outcome}
        error={errors.outcome}
        options={outcomes}
        input={register.outcome}
      />
      <SelectField
        id={`${idPrefix}-rule`}
        label={text.rule}
        hint={text.ruleHint}
        error={errors.ruleCode}
        {...register.ruleCode}
      >
        <option value="">{text.chooseRule}</option>
        {rules.map((rule) => (
          <option key={rule.code} value={rule.code}>
            {locale === 'en' ? rule.nameEn : rule.nameZh}
          </option>
        ))}
      </SelectField>
      <TextareaField
        id={`${idPrefix}-reasons`}
        label={text.reasons}
        hint={text.reasonsHint}
        error={errors.reasons}
        maxLength={5000}
        count={text.count}
        {...register.reasons}
      />
    </>
  );
}
