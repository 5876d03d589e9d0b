// A labelled multi-line text box with a hint, its error beside it and an optional character count.
import type { ComponentPropsWithRef } from 'react';
import { LabelledField } from './labelled-field';

export interface TextareaFieldProps extends Omit<ComponentPropsWithRef<'textarea'>, 'id'> {
  id: string;
  label: string;
  hint?: string;
  error?: string | null;
  /** e.g. "123 / 2000", announced politely as the person types. */
  count?: string;
}

export function TextareaField({ id, label, hint, error, count, className, ...textarea }: TextareaFieldProps) {
  return (
    <LabelledField id={id} label={label} hint={hint} error={error}>
      {(aria) => (
        <>
          <textarea id={id} rows={6} {...aria} className={`input ${className ?? ''}`} {...textarea} />
          {count ? (
            <p className="mt-1 text-sm text-muted" aria-live="polite">
              {count}
            </p>
          ) : null}
        </>
      )}
    </LabelledField>
  );
}
