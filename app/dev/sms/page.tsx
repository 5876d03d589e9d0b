// The demo SMS outbox: what the built-in provider "sent". Development only, or a demo with DEMO_SMS_OUTBOX=1; 404 otherwise.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { isSmsOutboxEnabled, listOutboxMessages } from '@/lib/sms/outbox';
import { formatDateTime } from '@/lib/i18n/format-date';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('devSms');
  return { title: t('title'), robots: { index: false } };
}

export default async function DevSmsOutboxPage() {
  if (!isSmsOutboxEnabled()) notFound();
  const [t, locale] = await Promise.all([getTranslations('devSms'), getLocale()]);
  const messages = await listOutboxMessages();
  return (
    <div>
      <h1 className="mb-2 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-6 border-l-4 border-focus bg-panel px-4 py-3">{t('warning')}</p>
      {messages.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <ol className="m-0 list-none p-0">
          {messages.map((message) => (
            <li
              key={message.id}
              className="mb-4 border-b border-rule pb-4"
              data-testid="sms-message"
              data-to={message.to}
            >
              <p className="m-0 text-muted">
                {t('meta', {
                  to: message.to,
                  time: formatDateTime(message.createdAt, locale, { seconds: true }),
                })}
              </p>
              <p className="m-0 text-lg" data-testid="sms-body">
                {message.body}
              </p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
