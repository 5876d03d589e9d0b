'use client';
// The citizen's answer to the reviewer's question: text and optional files (checked in the browser, then by content on
// the server). A refused file gets its message beside it and the text typed is kept.
import { useRef, useState, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import { useForm, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import type { FormAction } from '@/components/forms/use-action-form';
import { ErrorSummary, type SummaryError } from '@/components/ui/error-summary';
import { TextareaField } from '@/components/ui/textarea-field';
import { citizenReplySchema } from '@/lib/cases/forms/schemas';
import { EvidencePicker, evidenceFileFieldId, type PickedFile } from './evidence-picker';

interface ReplyValues {
  caseId: string;
  expectedVersion: number;
  replyText: string;
}

export function ReplyForm({
  caseId,
  version,
  action,
}: {
  caseId: string;
  version: number;
  /** Sends the reply and its files (a server action handed down by the page). */
  action: FormAction<FormData, unknown>;
}) {
  const t = useTranslations('citizenReply');
  const tAll = useTranslations();
  const router = useRouter();
  const form = useForm<ReplyValues>({
    resolver: zodResolver(citizenReplySchema) as unknown as Resolver<ReplyValues>,
    defaultValues: { caseId, expectedVersion: version, replyText: '' },
  });
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [listError, setListError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const busy = useRef(false);
  const replyKey = form.formState.errors.replyText?.message;
  const replyError = replyKey ? tAll(replyKey) : null;

  const summary: SummaryError[] = [
    ...(replyError ? [{ fieldId: 'reply-text', message: replyError }] : []),
    ...(listError ? [{ fieldId: 'reply-evidence', message: tAll(listError) }] : []),
    ...files.flatMap((file) =>
      file.error
        ? [
            {
              fieldId: evidenceFileFieldId(file),
              message: tAll('citizenEvidence.rejected', { name: file.file.name, message: tAll(file.error) }),
            },
          ]
        : [],
    ),
  ];

  const submit = async (values: ReplyValues) => {
    if (files.some((file) => file.error) || listError) return;
    setSubmitting(true);
    setFormError(null);
    const body = new FormData();
    body.set(
      'reply',
      JSON.stringify({ caseId: values.caseId, expectedVersion: values.expectedVersion, replyText: values.replyText }),
    );
    for (const picked of files) body.append('evidence', picked.file, picked.file.name);
    try {
      const result = await action(body);
      if (result.ok) {
        router.push(`/my-cases/${caseId}?done=replied`);
        router.refresh();
        return;
      }
      const rejected = new Map<number, string>();
      for (const [field, key] of Object.entries(result.fieldErrors ?? {})) {
        const position = /^evidence\.(\d+)$/.exec(field)?.[1];
        if (position !== undefined) rejected.set(Number(position), key);
        else if (field === 'evidence') setListError(key);
        else if (field === 'replyText') form.setError('replyText', { type: 'server', message: key });
      }
      if (rejected.size > 0)
        setFiles((all) => all.map((file, index) => ({ ...file, error: rejected.get(index) ?? file.error })));
      if (!result.fieldErrors) setFormError(tAll(result.messageKey, result.values));
    } catch {
      setFormError(tAll('citizenFiling.check.unreachable'));
    }
    setSubmitting(false);
  };

  // One submission at a time: a second click before the first answer does nothing.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy.current) return;
    busy.current = true;
    void form
      .handleSubmit(submit)()
      .finally(() => {
        busy.current = false;
      });
  };

  return (
    <form
      noValidate
      onSubmit={onSubmit}
      aria-labelledby="reply-heading"
      className="border-l-4 border-focus bg-panel p-4"
      data-testid="reply-form"
    >
      <h3 id="reply-heading" className="mb-3 text-xl font-bold">
        {t('heading')}
      </h3>
      <ErrorSummary title={tAll('citizenFiling.errorSummaryTitle')} errors={summary} />
      {formError ? (
        <p role="alert" className="mb-4 font-semibold text-danger">
          {formError}
        </p>
      ) : null}
      <TextareaField
        id="reply-text"
        label={t('replyLabel')}
        hint={t('replyHint')}
        error={replyError}
        maxLength={2000}
        {...form.register('replyText')}
      />
      <EvidencePicker
        inputId="reply-evidence"
        label={t('filesHeading')}
        files={files}
        listError={listError}
        disabled={submitting}
        onChange={(next, error) => {
          setFiles(next);
          setListError(error);
        }}
      />
      <button type="submit" className="button" disabled={submitting}>
        {submitting ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}
