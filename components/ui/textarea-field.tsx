// A labelled multi-line text box with a hint, its error beside it and an optional character count.
import type { ComponentPropsWithRef } from 'react';
import { describedBy, FieldError } from './field-error';

export interface TextareaFieldProps extends Omit<ComponentPropsWithRef<'textarea'>, 'id'> {
  id: string;
  label: string;
  hint?: string;
  error?: string | null;
  /** e.g. "123 / 2000", announced politely as the person types. */
  count?: string;
}

export function TextareaField({ id, label, hint, error, count, className, ...textarea }: TextareaFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={`mb-5 ${error ? 'border-l-4 border-danger pl-3' : ''}`}>
      <label htmlFor={id} className="mb-1 block font-semibold">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="mb-1 text-muted">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
      <textarea
        id={id}
        rows={6}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hintId, errorId)}
        className={`input ${className ?? ''}`}
        {...textarea}
      />
      {count ? (
        <p className="mt-1 text-sm text-muted" aria-live="polite">
          {count}
        </p>
      ) : null}
    </div>
  );
}
