'use client';
// The one form hook: react-hook-form validates with a zod schema, the valid payload goes to the server action the page
// handed down, and the action's answer lands where the user looks: each field error beside its field, a refusal that
// names no field as one message, and the pending state on the submit button.
import { useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { get, useForm, type DefaultValues, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { z } from 'zod';
import type { ActionFailure, ActionResult } from '@/lib/core/action-result';

/** A server action as a client component receives it: a prop from its page. */
export type FormAction<Input, Data> = (input: Input) => Promise<ActionResult<Data>>;

/** The server action of a zod schema: it takes what the schema outputs (the form's payload). */
export type SchemaAction<S extends z.ZodType, Data> = FormAction<z.output<S>, Data>;

/** A server action posted as a plain form (works before JavaScript), for `useActionState`. */
export type FormStateAction<Data> = (
  previous: ActionResult<Data> | null,
  formData: FormData,
) => Promise<ActionResult<Data>>;

/**
 * A form-values schema for an action whose payload is not the form's values (numbers typed as text, rows of a
 * table): the values are turned into the payload, then checked by the server's own schema, so each message key lands
 * on the field of the same path.
 */
export function payloadSchema<Values, S extends z.ZodType>(toPayload: (values: Values) => unknown, schema: S) {
  return z.custom<Values>().transform(toPayload).pipe(schema);
}

/** The error type of a field error whose message is the refusal's translated text (set by an `onRefusal`). */
export const REFUSAL = 'refusal';

export interface FormMessage {
  kind: 'ok' | 'error';
  text: string;
}

export function useActionForm<Values extends FieldValues, Payload, Data>({
  schema,
  defaultValues,
  action,
  onSuccess,
  refresh = false,
  onRefusal,
  announce = 'withoutFieldErrors',
  unreachableKey = 'errors.generic',
}: {
  schema: z.ZodType<Payload, Values>;
  defaultValues: DefaultValues<NoInfer<Values>>;
  action: FormAction<Payload, Data>;
  /** After the action succeeded; a returned text is announced as the outcome. */
  onSuccess?: (data: Data, form: UseFormReturn<Values, unknown, Payload>) => string | void | Promise<string | void>;
  /** After the action succeeded, the page's server data is read again (router.refresh) to show the change. */
  refresh?: boolean;
  /** Handles a refusal itself instead of the default; returns true when it did. */
  onRefusal?: (refusal: ActionFailure, form: UseFormReturn<Values, unknown, Payload>) => boolean | void;
  /** Whether the refusal's own message is shown also when its field errors are. */
  announce?: 'always' | 'withoutFieldErrors';
  /** The message when the action could not be reached at all. */
  unreachableKey?: string;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [message, setMessage] = useState<FormMessage | null>(null);
  const form = useForm<Values, unknown, Payload>({ resolver: zodResolver(schema), defaultValues });
  const { errors, isSubmitting } = form.formState;

  // One submission at a time: a second press before the first answer does nothing.
  const inFlight = useRef(false);
  const send = form.handleSubmit(async (payload) => {
    setMessage(null);
    const result = await action(payload).catch(() => null);
    if (!result) {
      setMessage({ kind: 'error', text: t(unreachableKey) });
      return;
    }
    if (result.ok) {
      const text = await onSuccess?.(result.data, form);
      if (refresh) router.refresh();
      if (text) setMessage({ kind: 'ok', text });
      return;
    }
    if (onRefusal?.(result, form) === true) return;
    const fields = Object.entries(result.fieldErrors ?? {});
    fields.forEach(([path, key]) => form.setError(path as Path<Values>, { type: 'server', message: key }));
    if (fields.length === 0 || announce === 'always') {
      setMessage({ kind: 'error', text: t(result.messageKey, result.values) });
    }
  });

  const onSubmit: typeof send = async (event) => {
    if (inFlight.current) {
      event?.preventDefault();
      return;
    }
    inFlight.current = true;
    try {
      await send(event);
    } finally {
      inFlight.current = false;
    }
  };

  /** The translated error at a field path (`days.3.date`), or null. An error of type `refusal` holds its text already. */
  const errorFor = (path: string): string | null => {
    const error = get(errors, path) as { type?: unknown; message?: unknown } | undefined;
    if (typeof error?.message !== 'string' || error.message === '') return null;
    return error.type === REFUSAL ? error.message : t(error.message);
  };

  /** The error summary's entries: [the field's element id, its path], those with an error. */
  const summary = (fields: ReadonlyArray<readonly [fieldId: string, path: string]>) =>
    fields.flatMap(([fieldId, path]) => {
      const text = errorFor(path);
      return text ? [{ fieldId, message: text }] : [];
    });

  return {
    form,
    onSubmit,
    pending: isSubmitting,
    message,
    setMessage,
    refusal: message?.kind === 'error' ? message.text : null,
    errorFor,
    summary,
  };
}

/** What useActionForm gives a form, for the shared parts of a form that take it whole. */
export type ActionForm<Values extends FieldValues, Payload, Data = unknown> = ReturnType<
  typeof useActionForm<Values, Payload, Data>
>;
