'use client';
// The outcome of an administration change, announced to screen readers: a status when it worked, an alert when not.
import type { FormMessage } from './use-action-form';
export function ActionMessage({ message }: { message: FormMessage | null }) {
  if (!message) return null;
  return message.kind === 'ok' ? (
    <p role="status" className="mb-4 border-l-4 border-action bg-panel px-4 py-3" data-testid="action-ok">
      {message.text}
    </p>
  ) : (
    <p
      role="alert"
      className="mb-4 border-l-4 border-danger bg-panel px-4 py-3 font-semibold text-danger"
      data-testid="action-error"
    >
      {message.text}
    </p>
  );
}
