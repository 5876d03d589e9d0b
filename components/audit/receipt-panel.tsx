// The audit receipt printed on a filing confirmation and a decision letter (SPEC §8): chain, sequence number, event
// hash and the covering checkpoint, with a link to the public check. Nothing personal.
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatTime } from '@/components/supervisor/format';
import type { CaseReceipt } from '@/lib/audit/receipts';

export async function ReceiptPanel({ receipt }: { receipt: CaseReceipt }) {
  const locale = await getLocale();
  const t = await getTranslations('auditPublic');
  const query = new URLSearchParams({ chain: receipt.chain, seq: receipt.seq, hash: receipt.hash }).toString();
  return (
    <section aria-labelledby="receipt-heading" className="mb-8 border-l-4 border-rule px-4 py-3" data-testid="receipt">
      <h2 id="receipt-heading" className="mb-2 text-xl font-bold">
        {t('receiptHeading')}
      </h2>
      <dl className="m-0 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold">{t('receiptChain')}</dt>
        <dd className="m-0 font-mono" data-testid="receipt-chain">
          {receipt.chain}
        </dd>
        <dt className="font-semibold">{t('receiptSeq')}</dt>
        <dd className="m-0 font-mono" data-testid="receipt-seq">
          {receipt.seq}
        </dd>
        <dt className="font-semibold">{t('receiptHash')}</dt>
        <dd className="m-0 break-all font-mono text-sm" data-testid="receipt-hash">
          {receipt.hash}
        </dd>
      </dl>
      <p className="mt-2" data-testid="receipt-checkpoint">
        {receipt.checkpoint
          ? t('receiptCovered', { seq: receipt.checkpoint.seq, time: formatTime(receipt.checkpoint.at, locale) })
          : t('receiptPending')}
      </p>
      <p className="mt-2 text-sm text-muted">{t('receiptHint', { url: '/audit/receipt' })}</p>
      <p className="mt-2" data-print="hide">
        <Link href={`/audit/receipt?${query}`}>{t('receiptCheckLink')}</Link>
      </p>
    </section>
  );
}
