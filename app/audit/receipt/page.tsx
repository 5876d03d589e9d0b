// The public receipt check (SPEC §8, no sign-in): chain, sequence number and event hash from a filing confirmation or
// a decision letter, checked against the published checkpoints and the hash the service holds at that position.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatTime } from '@/components/supervisor/format';
import { checkPublishedReceipt, isReceipt } from '@/lib/audit/published-checkpoints';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const RECEIPT_FIELDS = [
  { name: 'chain', label: 'receiptChain', className: 'input', inputMode: undefined },
  { name: 'seq', label: 'receiptSeq', className: 'input', inputMode: 'numeric' },
  { name: 'hash', label: 'receiptHash', className: 'input font-mono', inputMode: undefined },
] as const;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auditPublic');
  return { title: t('receiptTitle') };
}

export default async function ReceiptPage({ searchParams }: { searchParams: SearchParams }) {
  const locale = await getLocale();
  const params = await searchParams;
  const field = (name: string) => {
    const value = params[name];
    return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
  };
  const entered = { chain: field('chain'), seq: field('seq'), hash: field('hash').toLowerCase() };
  const submitted = Object.values(entered).some(Boolean);
  const t = await getTranslations('auditPublic');
  const check = submitted && isReceipt(entered) ? await checkPublishedReceipt(entered) : null;
  return (
    <div className="max-w-3xl">
      <h1 className="mb-2 text-3xl font-bold">{t('receiptTitle')}</h1>
      <p className="mb-6 text-lg">{t('receiptIntro')}</p>
      <div role="status" aria-live="polite" data-testid="receipt-result">
        {submitted && !check ? <p className="mb-4 font-semibold text-danger">{t('receiptInvalidInput')}</p> : null}
        {check?.valid ? (
          <p className="mb-4 border-l-4 border-action bg-panel px-4 py-3 font-semibold">
            {t('receiptValid', { seq: check.checkpoint.seq, time: formatTime(check.checkpoint.at, locale) })}
          </p>
        ) : null}
        {check && !check.valid ? (
          <p className="mb-4 border-l-4 border-danger px-4 py-3 font-semibold text-danger">
            {t(`receiptReasons.${check.reason}`)}
          </p>
        ) : null}
      </div>
      <form method="get" className="border-l-4 border-rule bg-panel p-4">
        {RECEIPT_FIELDS.map(({ name, label, className, inputMode }) => (
          <div key={name} className="mb-4">
            <label htmlFor={`receipt-${name}`} className="mb-1 block font-semibold">
              {t(label)}
            </label>
            <input
              id={`receipt-${name}`}
              name={name}
              className={className}
              inputMode={inputMode}
              defaultValue={entered[name]}
              autoComplete="off"
              spellCheck={false}
            />
          </div>
        ))}
        <button type="submit" className="button">
          {t('receiptCheck')}
        </button>
      </form>
      <p className="mt-6">
        <Link href="/audit/checkpoints">{t('checkpointsTitle')}</Link>
      </p>
    </div>
  );
}
