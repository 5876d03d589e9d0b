'use client';
// The form of one code field (useCodeForm): the field with its error beside it and the submit button. A code from
// the app is six digits; the second-factor sign-in also takes a recovery code, letters and digits.
import { TextField } from '@/components/ui/text-field';
import type { useCodeForm } from './use-code-form';

export function CodeForm({
  code,
  formLabel,
  id,
  label,
  hint,
  submitLabel,
  recoveryCodeToo = false,
}: {
  code: Pick<ReturnType<typeof useCodeForm>, 'onSubmit' | 'isSubmitting' | 'error' | 'codeField'>;
  formLabel: string;
  id: string;
  label: string;
  hint?: string;
  submitLabel: string;
  recoveryCodeToo?: boolean;
}) {
  const shape = recoveryCodeToo
    ? ({ autoCapitalize: 'characters', spellCheck: false } as const)
    : ({ inputMode: 'numeric', maxLength: 6 } as const);
  return (
    <form noValidate onSubmit={code.onSubmit} aria-label={formLabel}>
      <TextField
        id={id}
        label={label}
        hint={hint}
        autoComplete="one-time-code"
        {...shape}
        error={code.error}
        {...code.codeField}
      />
      <button type="submit" className="button" disabled={code.isSubmitting}>
        {submitLabel}
      </button>
    </form>
  );
}
