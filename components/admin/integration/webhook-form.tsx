'use client';
// The province system's name and webhook address; the first save generates the signing secret (shown once), and the
// secret can be replaced (shown once again).
import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { ActionMessage } from '@/components/forms/action-message';
import { useActionForm, type SchemaAction } from '@/components/forms/use-action-form';
import { TextField } from '@/components/ui/text-field';
import { provinceOnlySchema, provinceSystemSchema } from '@/lib/integration/schemas';
import { SecretPanel } from '../one-time-secret';

export type ConfigureSystemAction = SchemaAction<typeof provinceSystemSchema, { webhookSecret: string | null }>;
export type RotateWebhookSecretAction = SchemaAction<
  typeof provinceOnlySchema,
  { provinceCode: string; webhookSecret: string }
>;

export function WebhookForm({
  provinceCode,
  name,
  webhookUrl,
  configured,
  action,
  rotateAction,
}: {
  provinceCode: string;
  name: string;
  webhookUrl: string;
  configured: boolean;
  action: ConfigureSystemAction;
  rotateAction: RotateWebhookSecretAction;
}) {
  const t = useTranslations('integration.province');
  const [secret, setSecret] = useState<string | null>(null);
  const save = useActionForm({
    schema: provinceSystemSchema,
    defaultValues: { provinceCode, name, webhookUrl },
    action,
    refresh: true,
    onSuccess: (data) => {
      if (data.webhookSecret) setSecret(data.webhookSecret);
      return t('saved');
    },
  });
  const rotate = useActionForm({
    schema: provinceOnlySchema,
    defaultValues: { provinceCode },
    action: rotateAction,
    onSuccess: (data) => {
      setSecret(data.webhookSecret);
      return t('secretRotated');
    },
  });
  return (
    <>
      {secret ? (
        <SecretPanel
          heading={t('secretHeading')}
          testId="webhook-secret-panel"
          rows={[{ label: t('webhookSecret'), value: secret, testId: 'webhook-secret', secret: true }]}
          hint={t('secretHint')}
        />
      ) : null}
      <form onSubmit={save.onSubmit} noValidate className="mb-4 max-w-2xl">
        <ActionMessage message={save.message} />
        <input type="hidden" {...save.form.register('provinceCode')} />
        <TextField
          id="system-name"
          label={t('systemName')}
          error={save.errorFor('name')}
          {...save.form.register('name')}
        />
        <TextField
          id="webhook-url"
          label={t('webhookUrl')}
          hint={t('webhookUrlHint')}
          inputMode="url"
          error={save.errorFor('webhookUrl')}
          {...save.form.register('webhookUrl')}
        />
        <button type="submit" className="button" disabled={save.pending}>
          {t('save')}
        </button>
      </form>
      {configured ? (
        <form onSubmit={rotate.onSubmit}>
          <ActionMessage message={rotate.message} />
          <p className="mb-2">{t('rotateSecretBody')}</p>
          <button type="submit" className="button button-secondary" disabled={rotate.pending}>
            {t('rotateSecret')}
          </button>
        </form>
      ) : null}
    </>
  );
}
