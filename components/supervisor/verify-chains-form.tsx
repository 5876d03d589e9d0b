'use client';
// "Verify chain": re-computes the audit chains in the supervisor's scope on the server and shows, per chain,
// "intact through #N" or the first broken sequence number and what is wrong with it.
import { useActionState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import type { ActionResult } from '@/lib/core/action-result';
import { formatTime } from './format';

export interface ChainsVerified {
  intact: boolean;
  events: number;
  chains: {
    chain: string;
    intactThrough: string;
    broken: { seq: string; problem: string } | null;
    /** The latest signed checkpoint the chain agrees with, or null. */
    checkpoint: { seq: string; at: string } | null;
  }[];
}

export function VerifyChainsForm({
  hint,
  verify,
}: {
  hint: string;
  /** Re-computes the chains in scope (a server action handed down by the page). */
  verify: () => Promise<ActionResult<ChainsVerified>>;
}) {
  const locale = useLocale();
  const t = useTranslations('supervise.audit');
  const tAll = useTranslations();
  const [result, action, pending] = useActionState(() => verify(), null);
  return (
    <form action={action} aria-labelledby="verify-heading">
      <p className="mb-2">{hint}</p>
      <button type="submit" className="button" disabled={pending}>
        {pending ? t('verifying') : t('verify')}
      </button>
      <div role="status" aria-live="polite" className="mt-3" data-testid="verify-result">
        {result && !result.ok ? (
          <p className="font-semibold text-danger">
            {tAll.has(result.messageKey) ? tAll(result.messageKey) : tAll('errors.generic')}
          </p>
        ) : null}
        {result?.ok ? (
          <>
            <p className="font-semibold">
              {result.data.intact
                ? t('verifiedAll', { events: result.data.events })
                : t('verifiedBroken', { events: result.data.events })}
            </p>
            <ul className="m-0 list-none p-0">
              {result.data.chains.map((chain) => (
                <li
                  key={chain.chain}
                  data-chain={chain.chain}
                  className={`my-1 border-l-4 px-3 py-1 ${chain.broken ? 'border-danger font-semibold text-danger' : 'border-action'}`}
                >
                  {chain.broken
                    ? t('broken', {
                        chain: chain.chain,
                        seq: chain.broken.seq,
                        intact: chain.intactThrough,
                        problem: t.has(`problems.${chain.broken.problem}`)
                          ? t(`problems.${chain.broken.problem}`)
                          : chain.broken.problem,
                      })
                    : t('intact', { chain: chain.chain, seq: chain.intactThrough })}{' '}
                  <span data-testid="checkpoint-verified">
                    {chain.checkpoint
                      ? t('checkpointVerified', {
                          seq: chain.checkpoint.seq,
                          time: formatTime(chain.checkpoint.at, locale),
                        })
                      : t('noCheckpoint')}
                  </span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </form>
  );
}
