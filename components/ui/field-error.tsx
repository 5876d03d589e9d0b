// The message beside a field that needs correcting; its id is what the field's aria-describedby points to.
export function FieldError({ id, message }: { id: string; message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="mb-1 font-semibold text-danger" data-testid="field-error">
      {message}
    </p>
  );
}

/** aria-describedby from the ids that are present. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const present = ids.filter(Boolean);
  return present.length > 0 ? present.join(' ') : undefined;
}
