// A labelled text input with an optional hint and its error beside it (linked by aria-describedby).
import type { ComponentPropsWithRef } from 'react';
import { LabelledField } from './labelled-field';

export interface TextFieldProps extends Omit<ComponentPropsWithRef<'input'>, 'id'> {
  id: string;
  label: string;
  hint?: string;
  error?: string | null;
}

export function TextField({ id, label, hint, error, className, ...input }: TextFieldProps) {
  return (
    <LabelledField id={id} label={label} hint={hint} error={error}>
      {(aria) => <input id={id} {...aria} className={`input ${className ?? ''}`} {...input} />}
    </LabelledField>
  );
}
