// A fieldset of radio buttons with its question as the legend, an optional hint and its error beside it.
import type { ComponentPropsWithRef, ReactNode } from 'react';
import { describedBy, FieldError } from './field-error';

export interface RadioOption {
  value: string;
  label: string;
  hint?: string;
}

export interface RadioGroupProps {
  /** Prefix of the radio ids; the first radio's id is `${id}` (the target of error links). */
  id: string;
  legend: ReactNode;
  /** Renders the legend as the page heading (one question per page). */
  legendAsHeading?: boolean;
  hint?: string;
  error?: string | null;
  options: RadioOption[];
  /** name, onChange, onBlur, ref: spread onto every radio (e.g. react-hook-form's register()). */
  input: Omit<ComponentPropsWithRef<'input'>, 'id' | 'type' | 'value'>;
}

export function RadioGroup({ id, legend, legendAsHeading, hint, error, options, input }: RadioGroupProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={`mb-6 ${error ? 'border-l-4 border-danger pl-3' : ''}`}>
      <fieldset className="m-0 border-0 p-0" aria-describedby={describedBy(hintId, errorId)}>
        <legend className={legendAsHeading ? 'mb-3 text-2xl font-bold' : 'mb-2 font-semibold'}>{legend}</legend>
        {hint ? (
          <p id={hintId} className="mb-2 text-muted">
            {hint}
          </p>
        ) : null}
        <FieldError id={`${id}-error`} message={error} />
        {options.map((option, index) => {
          const optionId = index === 0 ? id : `${id}-${index}`;
          const optionHintId = option.hint ? `${optionId}-hint` : undefined;
          return (
            <div key={option.value} className="mb-3 flex items-start gap-3">
              <input
                id={optionId}
                type="radio"
                value={option.value}
                aria-describedby={optionHintId}
                className="mt-1 h-6 w-6 shrink-0 accent-ink"
                {...input}
              />
              <label htmlFor={optionId} className="cursor-pointer">
                <span className="block">{option.label}</span>
                {option.hint ? (
                  <span id={optionHintId} className="block text-muted">
                    {option.hint}
                  </span>
                ) : null}
              </label>
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}
