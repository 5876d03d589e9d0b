'use client';
// "There is a problem" at the top of a form (GOV.UK pattern): each message links to its field; focused when shown.
import { useEffect, useRef } from 'react';

export interface SummaryError {
  /** The id of the field the message belongs to (the link target). */
  fieldId: string;
  message: string;
}

export function ErrorSummary({ title, errors }: { title: string; errors: SummaryError[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const signature = errors.map((error) => `${error.fieldId}:${error.message}`).join('|');
  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);
  if (errors.length === 0) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
      className="mb-6 border-4 border-danger p-4 focus:outline-none"
      data-testid="error-summary"
    >
      <h2 id="error-summary-title" className="mb-2 text-xl font-bold">
        {title}
      </h2>
      <ul className="m-0 list-none p-0">
        {errors.map((error) => (
          <li key={`${error.fieldId}-${error.message}`} className="mb-1">
            <a
              href={`#${error.fieldId}`}
              className="font-semibold text-danger"
              onClick={(event) => {
                const target = document.getElementById(error.fieldId);
                if (!target) return;
                event.preventDefault();
                target.focus();
                target.scrollIntoView({ block: 'center' });
              }}
            >
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
