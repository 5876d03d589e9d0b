// A labelled native select (works with phones' pickers and screen readers) with a hint and its error beside it.
import type { ComponentPropsWithRef, ReactNode } from 'react';
import { LabelledField } from './labelled-field';

export interface SelectFieldProps extends Omit<ComponentPropsWithRef<'select'>, 'id'> {
  id: string;
  label: string;
  hint?: string;
  error?: string | null;
  children: ReactNode;
}

export function SelectField({ id, label, hint, error, children, className, ...select }: SelectFieldProps) {
  return (
    <LabelledField id={id} label={label} hint={hint} error={error}>
      {(aria) => (
        <select id={id} {...aria} className={`input ${className ?? ''}`} {...select}>
          {children}
        </select>
      )}
    </LabelledField>
  );
}
