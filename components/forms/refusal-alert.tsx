// A form's refusal that names no field, announced at once to screen readers.
export function RefusalAlert({ text, className = 'mb-3' }: { text: string | null; className?: string }) {
  if (!text) return null;
  return (
    <p role="alert" className={`${className} font-semibold text-danger`}>
      {text}
    </p>
  );
}
