// A labelled native select (works with phones' pickers and screen readers) with a hint and its error beside it.
import type { ComponentPropsWithRef, ReactNode } from 'react';
import { describedBy, FieldError } from './field-error';

export interface SelectFieldProps extends Omit<ComponentPropsWithRef<'select'>, 'id'> {
  id: string;
  label: string;
  hint?: string;
  error?: string | null;
  children: ReactNode;
}

export function SelectField({ id, label, hint, error, children, className, ...select }: SelectFieldProps) {
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
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hintId, errorId)}
        className={`input ${className ?? ''}`}
        {...select}
      >
        {children}
      </select>
    </div>
  );
}
