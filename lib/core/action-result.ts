// What a server action or a JSON route answers: the data, or a refusal the user can read (an AppError's message key,
// status, field errors and values). Browser-safe, so forms and the action wrapper share this one shape.

export type ActionFailure = {
  ok: false;
  status: number;
  /** A next-intl message key. */
  messageKey: string;
  /** Field path → message key. */
  fieldErrors?: Readonly<Record<string, string>>;
  /** Values the message names (e.g. minutes to wait). */
  values?: Readonly<Record<string, string | number>>;
};

export type ActionResult<T> = { ok: true; data: T } | ActionFailure;
