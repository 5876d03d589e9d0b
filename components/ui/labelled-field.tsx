// The frame of a labelled form control: label, optional hint, the error beside it, and the ids the control's
// aria-describedby points to. The text, select and text-area fields put their control inside it.
import type { ReactNode } from 'react';
import { describedBy, FieldError } from './field-error';

export interface ControlAria {
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

export function LabelledField({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string | null;
  children: (aria: ControlAria) => ReactNode;
}) {
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
      {children({ 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy(hintId, errorId) })}
    </div>
  );
}
