'use client';
// The masked ID number with an audited "reveal": the full number comes from the server action, is shown on this screen
// only (never in the URL, never stored in the browser) and every reveal is recorded in the case's audit history.
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { FormAction } from '@/components/forms/use-action-form';

export function RevealIdentity({
  caseId,
  masked,
  canReveal,
  action,
}: {
  caseId: string;
  masked: string | null;
  canReveal: boolean;
  action: FormAction<{ caseId: string }, { idNumber: string | null }>;
}) {
  const t = useTranslations('reviewCase.identity');
  const tAll = useTranslations();
  const router = useRouter();
  const [revealed, setRevealed] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const reveal = async () => {
    setBusy(true);
    setProblem(null);
    const result = await action({ caseId }).catch(() => null);
    setBusy(false);
    if (result?.ok && result.data.idNumber) {
      setRevealed(result.data.idNumber);
      // The reveal is now part of the history shown below.
      router.refresh();
      return;
    }
    setProblem(result?.ok ? t('none') : tAll(result?.messageKey ?? 'errors.generic'));
  };

  if (!masked) return <span>{t('none')}</span>;
  return (
    <span className="flex flex-wrap items-center gap-3">
      <span className="font-mono text-lg" data-testid="id-number" aria-live="polite">
        {revealed ?? masked}
      </span>
      {revealed ? (
        <button type="button" className="button button-secondary px-3 py-1" onClick={() => setRevealed(null)}>
          {t('hide')}
        </button>
      ) : canReveal ? (
        <button
          type="button"
          className="button button-secondary px-3 py-1"
          disabled={busy}
          onClick={() => void reveal()}
          aria-describedby="reveal-note"
        >
          {t('reveal')}
        </button>
      ) : null}
      {canReveal && !revealed ? (
        <span id="reveal-note" className="block w-full text-sm text-muted">
          {t('note')}
        </span>
      ) : null}
      {problem ? (
        <span role="alert" className="block w-full font-semibold text-danger">
          {problem}
        </span>
      ) : null}
    </span>
  );
}
