'use client';
// API keys of a province's system: create one (its secret shown once), rotate one with an overlap during which the old
// key keeps working, revoke one at once.
import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { z } from 'zod';
import { ActionMessage } from '@/components/forms/action-message';
import { payloadSchema, useActionForm, type SchemaAction } from '@/components/forms/use-action-form';
import { TextField } from '@/components/ui/text-field';
import {
  createApiKeySchema,
  MAX_OVERLAP_MINUTES,
  revokeApiKeySchema,
  rotateApiKeySchema,
} from '@/lib/integration/schemas';
import { SecretPanel } from '../one-time-secret';

interface IssuedKey {
  keyId: string;
  secret: string;
  fingerprint: string;
}

export type CreateApiKeyAction = SchemaAction<typeof createApiKeySchema, IssuedKey>;
export type RotateApiKeyAction = SchemaAction<typeof rotateApiKeySchema, IssuedKey & { previousKeyExpiresAt: string }>;
export type RevokeApiKeyAction = SchemaAction<typeof revokeApiKeySchema, void>;

function IssuedKeyPanel({ issued, heading }: { issued: IssuedKey; heading: string }) {
  const t = useTranslations('integration.keys');
  return (
    <SecretPanel
      heading={heading}
      testId="api-key-secret-panel"
      rows={[
        { label: t('keyId'), value: issued.keyId, testId: 'api-key-id' },
        { label: t('secret'), value: issued.secret, testId: 'api-key-secret', secret: true },
        { label: t('fingerprint'), value: issued.fingerprint },
      ]}
      hint={t('secretHint')}
    />
  );
}

export function CreateApiKeyForm({ provinceCode, action }: { provinceCode: string; action: CreateApiKeyAction }) {
  const t = useTranslations('integration.keys');
  const [issued, setIssued] = useState<IssuedKey | null>(null);
  const { form, onSubmit, pending, message, errorFor } = useActionForm({
    schema: payloadSchema((values: { name: string }) => ({ provinceCode, name: values.name }), createApiKeySchema),
    defaultValues: { name: '' },
    action,
    refresh: true,
    onSuccess: (data, current) => {
      setIssued(data);
      current.reset({ name: '' });
    },
  });
  return (
    <>
      {issued ? <IssuedKeyPanel issued={issued} heading={t('created')} /> : null}
      <form onSubmit={onSubmit} noValidate className="mb-6 max-w-2xl">
        <ActionMessage message={message} />
        <TextField
          id="key-name"
          label={t('name')}
          hint={t('nameHint')}
          error={errorFor('name')}
          {...form.register('name')}
        />
        <button type="submit" className="button" disabled={pending}>
          {t('create')}
        </button>
      </form>
    </>
  );
}

export function RotateApiKeyForm({ keyId, action }: { keyId: string; action: RotateApiKeyAction }) {
  const t = useTranslations('integration.keys');
  const [issued, setIssued] = useState<(IssuedKey & { previousKeyExpiresAt: string }) | null>(null);
  const { form, onSubmit, pending, message, errorFor } = useActionForm({
    schema: payloadSchema(
      (values: { overlapMinutes: string }) => ({
        keyId,
        overlapMinutes: /^\d+$/.test(values.overlapMinutes) ? Number(values.overlapMinutes) : NaN,
      }),
      rotateApiKeySchema,
    ),
    defaultValues: { overlapMinutes: '1440' },
    action,
    // No refresh here: the refreshed table drops this form from the rotated key's row (it now has an expiry), and the
    // new secret, shown only once, would vanish with it. The panel names the new key and the old key's last minute.
    onSuccess: (data) => setIssued(data),
  });
  const inputId = `overlap-${keyId}`;
  return (
    <div>
      {issued ? <IssuedKeyPanel issued={issued} heading={t('rotated')} /> : null}
      <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor={inputId} className="block text-sm font-semibold">
            {t('overlapMinutes')}
          </label>
          <input
            id={inputId}
            type="number"
            inputMode="numeric"
            min={0}
            max={MAX_OVERLAP_MINUTES}
            className="input w-28"
            aria-invalid={errorFor('overlapMinutes') ? true : undefined}
            {...form.register('overlapMinutes')}
          />
        </div>
        <button type="submit" className="button button-secondary" disabled={pending}>
          {t('rotate')}
        </button>
        {errorFor('overlapMinutes') ? (
          <p role="alert" className="m-0 basis-full text-sm font-semibold text-danger">
            {errorFor('overlapMinutes')}
          </p>
        ) : null}
      </form>
      <ActionMessage message={message} />
    </div>
  );
}

export function RevokeApiKeyForm({ keyId, action }: { keyId: string; action: RevokeApiKeyAction }) {
  const t = useTranslations('integration.keys');
  const { onSubmit, pending, message } = useActionForm({
    schema: z.object({}).transform(() => ({ keyId })),
    defaultValues: {},
    action,
    refresh: true,
    onSuccess: () => t('revoked'),
  });
  return (
    <form onSubmit={onSubmit}>
      <ActionMessage message={message} />
      <button type="submit" className="button bg-danger" disabled={pending} aria-label={t('revokeKey', { keyId })}>
        {t('revoke')}
      </button>
    </form>
  );
}
