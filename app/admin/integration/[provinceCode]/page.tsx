// One province's connection (SPEC §18): its system's name, webhook address and signing secret, a test delivery, and
// its API keys (create, rotate with an overlap, revoke). Secrets are shown once, by the forms that create them.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { CreateApiKeyForm, RevokeApiKeyForm, RotateApiKeyForm } from '@/components/admin/integration/api-key-forms';
import { TestDeliveryButton } from '@/components/admin/integration/delivery-buttons';
import { WebhookForm } from '@/components/admin/integration/webhook-form';
import { DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
import { Section } from '@/components/ui/section';
import { requireUser } from '@/lib/auth/scope';
import { getProvinceIntegration } from '@/lib/integration/get-province-integration';
import {
  configureProvinceSystemAction,
  createApiKeyAction,
  revokeApiKeyAction,
  rotateApiKeyAction,
  rotateWebhookSecretAction,
  sendTestDeliveryAction,
} from '@/app/admin/integration/actions';
import { formatDateTime } from '@/lib/i18n/format-date';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('integration.province');
  return { title: t('title') };
}

export default async function ProvinceIntegrationPage({ params }: { params: Promise<{ provinceCode: string }> }) {
  const { provinceCode } = await params;
  const user = await requireUser(['ADMIN'], `/admin/integration/${encodeURIComponent(provinceCode)}`);
  const integration = await getProvinceIntegration(user, provinceCode);
  if (!integration) notFound();
  const [t, tKeys, tDeliveries, locale] = await Promise.all([
    getTranslations('integration.province'),
    getTranslations('integration.keys'),
    getTranslations('integration.deliveries'),
    getLocale(),
  ]);
  const { system, keys } = integration;
  const when = (at: Date | null) => (at ? formatDateTime(at, locale) : '—');
  return (
    <div>
      <p className="mb-4">
        <Link href="/admin/integration">{t('back')}</Link>
      </p>
      <PageHeader title={t('heading', { province: integration.provinceName })} intro={t('intro')}>
        <p className="mb-6">
          <Link href={`/admin/integration/${provinceCode}/deliveries`}>{t('deliveryLog')}</Link>
        </p>
      </PageHeader>

      <Section id="system-heading" heading={t('systemHeading')} hint={system ? undefined : t('notConnected')}>
        <WebhookForm
          provinceCode={provinceCode}
          name={system?.name ?? ''}
          webhookUrl={system?.webhookUrl ?? ''}
          configured={system?.hasWebhookSecret ?? false}
          action={configureProvinceSystemAction}
          rotateAction={rotateWebhookSecretAction}
        />
      </Section>

      <Section id="test-heading" heading={tDeliveries('testHeading')} hint={tDeliveries('testHint')}>
        {system?.webhookUrl ? (
          <TestDeliveryButton provinceCode={provinceCode} action={sendTestDeliveryAction} />
        ) : (
          <p>{tDeliveries('testNeedsWebhook')}</p>
        )}
      </Section>

      <Section id="keys-heading" heading={tKeys('heading')} hint={tKeys('hint')}>
        {system ? (
          <CreateApiKeyForm provinceCode={provinceCode} action={createApiKeyAction} />
        ) : (
          <p>{tKeys('needsSystem')}</p>
        )}
        {keys.length === 0 ? (
          <p>{tKeys('empty')}</p>
        ) : (
          <DataTable
            caption={tKeys('caption', { province: integration.provinceName })}
            columns={[
              { id: 'key', header: tKeys('keyId') },
              { id: 'state', header: tKeys('state') },
              { id: 'dates', header: tKeys('dates') },
              { id: 'actions', header: tKeys('actions') },
            ]}
            rows={keys.map((key) => ({
              id: key.keyId,
              attributes: { 'data-testid': `key-${key.keyId}` },
              cells: {
                key: (
                  <>
                    <span className="font-mono">{key.keyId}</span>
                    <span className="block text-sm text-muted">
                      {key.name} · SHA-256 {key.fingerprint.slice(0, 16)}…
                    </span>
                  </>
                ),
                state: key.revokedAt
                  ? tKeys('stateRevoked', { at: when(key.revokedAt) })
                  : !key.live
                    ? tKeys('stateExpired', { at: when(key.expiresAt) })
                    : key.expiresAt
                      ? tKeys('stateUntil', { at: when(key.expiresAt) })
                      : tKeys('stateLive'),
                dates: (
                  <>
                    {tKeys('createdAt', { at: when(key.createdAt) })}
                    <span className="block text-sm">{tKeys('lastUsed', { at: when(key.lastUsedAt) })}</span>
                  </>
                ),
                actions: key.live ? (
                  <div className="flex flex-col gap-3">
                    {key.expiresAt ? null : <RotateApiKeyForm keyId={key.keyId} action={rotateApiKeyAction} />}
                    <RevokeApiKeyForm keyId={key.keyId} action={revokeApiKeyAction} />
                  </div>
                ) : null,
              },
            }))}
          />
        )}
      </Section>
    </div>
  );
}
