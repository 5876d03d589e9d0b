'use client';
// The second step of a code sent by text message (citizen sign-in, the status check): what was sent where, the
// six-digit code with its error beside it, and buttons to check it, to send it again, or to go back to the first step.
import type { FormEventHandler, ReactNode } from 'react';
import { TextField, type TextFieldProps } from '@/components/ui/text-field';

export function SmsCodeForm({
  onSubmit,
  formName,
  testId,
  children,
  field,
  isSubmitting,
  submitLabel,
  resend,
  back,
}: {
  onSubmit: FormEventHandler<HTMLFormElement>;
  /** The form's accessible name: its own label, or the id of the heading that names it. */
  formName: { label: string } | { labelledBy: string };
  testId?: string;
  /** Shown above the field (the notice of the code sent, the reference it is for). */
  children?: ReactNode;
  /** The code field: id, label, hint, error and react-hook-form's register(). */
  field: TextFieldProps;
  isSubmitting: boolean;
  submitLabel: string;
  resend: { label: string; onClick: () => void };
  back: { label: string; onClick: () => void };
}) {
  return (
    <form
      noValidate
      onSubmit={onSubmit}
      aria-label={'label' in formName ? formName.label : undefined}
      aria-labelledby={'labelledBy' in formName ? formName.labelledBy : undefined}
      data-testid={testId}
    >
      {children}
      <TextField inputMode="numeric" autoComplete="one-time-code" maxLength={6} {...field} />
      <div className="flex flex-wrap gap-4">
        <button type="submit" className="button" disabled={isSubmitting}>
          {submitLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={resend.onClick}>
          {resend.label}
        </button>
        <button
          type="button"
          className="cursor-pointer border-0 bg-transparent p-0 text-link underline"
          onClick={back.onClick}
        >
          {back.label}
        </button>
      </div>
    </form>
  );
}
