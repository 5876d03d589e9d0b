// A labelled text input with an optional hint and its error beside it (linked by aria-describedby).
import type { ComponentPropsWithRef } from 'react';

export interface TextFieldProps extends Omit<ComponentPropsWithRef<'input'>, 'id'> {
  id: string;
  label: string;
  hint?: string;
  error?: string | null;
}

export function TextField({ id, label, hint, error, className, ...input }: TextFieldProps) {
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
      {error ? (
        <p id={errorId} className="mb-1 font-semibold text-danger" role="alert">
          {error}
        </p>
      ) : null}
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        className={`input ${className ?? ''}`}
        {...input}
      />
    </div>
  );
}
