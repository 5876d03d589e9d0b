// The public list of signed audit checkpoints (SPEC §8, no sign-in): the public key and every chain's latest
// checkpoint, read from the store outside the database; the JSON form is /api/audit/checkpoints.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatTime } from '@/components/supervisor/format';
import { keyIdOf } from '@/lib/audit/checkpoint-signature.mjs';
import { listPublishedCheckpoints } from '@/lib/audit/published-checkpoints';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auditPublic');
  return { title: t('checkpointsTitle'), description: t('checkpointsIntro') };
}

export default async function CheckpointsPage() {
  const locale = await getLocale();
  const [t, published] = await Promise.all([getTranslations('auditPublic'), listPublishedCheckpoints()]);
  return (
    <div>
      <h1 className="mb-2 text-3xl font-bold">{t('checkpointsTitle')}</h1>
      <p className="mb-4 max-w-3xl text-lg">{t('checkpointsIntro')}</p>
      {published.publicKey ? (
        <dl className="mb-6 border-l-4 border-ink bg-panel px-4 py-3">
          <dt className="font-semibold">{t('publicKey')}</dt>
          <dd className="mb-2 ml-0 break-all font-mono" data-testid="checkpoint-public-key">
            {published.publicKey}
          </dd>
          <dt className="font-semibold">{t('keyId')}</dt>
          <dd className="ml-0 font-mono">{keyIdOf(published.publicKey)}</dd>
        </dl>
      ) : (
        <p className="mb-6 font-semibold">{t('noKey')}</p>
      )}
      <p className="mb-4">
        <a href="/api/audit/checkpoints">{t('json')}</a> · <Link href="/audit/receipt">{t('receiptTitle')}</Link>
      </p>
      {published.checkpoints.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <thead>
              <tr>
                <th scope="col" className="border-b-2 border-ink p-2">
                  {t('chain')}
                </th>
                <th scope="col" className="border-b-2 border-ink p-2">
                  {t('seq')}
                </th>
                <th scope="col" className="border-b-2 border-ink p-2">
                  {t('at')}
                </th>
                <th scope="col" className="border-b-2 border-ink p-2">
                  {t('headHash')}
                </th>
              </tr>
            </thead>
            <tbody>
              {published.checkpoints.map((checkpoint) => (
                <tr key={checkpoint.chain} data-chain={checkpoint.chain}>
                  <th scope="row" className="border-b border-rule p-2">
                    {checkpoint.chain === 'national' ? t('national') : checkpoint.chain}
                  </th>
                  <td className="border-b border-rule p-2">#{checkpoint.seq}</td>
                  <td className="border-b border-rule p-2">{formatTime(checkpoint.at, locale)}</td>
                  <td className="break-all border-b border-rule p-2 font-mono text-sm">{checkpoint.headHash}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
