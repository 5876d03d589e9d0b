'use client';
// "Print this page" for the printable decision; hidden on paper.
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className="button button-secondary print:hidden" onClick={() => window.print()}>
      {label}
    </button>
  );
}
