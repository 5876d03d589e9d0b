// The decision letter's blocks as HTML: each heading opens a section named by it, so the page reads (and prints) in
// the order of the PDF drawn from the same blocks.
import type { ReactNode } from 'react';
import type { LetterBlock } from '@/lib/cases/views/decision-letter-layout';

function renderBlock(block: LetterBlock, key: number): ReactNode {
  switch (block.kind) {
    case 'authority':
      return (
        <p key={key} className="mb-1 text-center text-lg">
          {block.text}
        </p>
      );
    case 'title':
      return (
        <h1 key={key} className="mb-1 text-center text-3xl font-bold">
          {block.text}
        </h1>
      );
    case 'reference':
      return (
        <p key={key} className="mb-6 border-b border-rule pb-4 text-center text-muted">
          {block.text}
        </p>
      );
    case 'fields':
      return (
        <dl key={key} className="m-0 mb-3 grid gap-x-4 gap-y-1 sm:grid-cols-[minmax(8rem,auto)_1fr]">
          {block.rows.map((row) => (
            <div key={row.label} className="contents">
              <dt className="font-semibold">{row.label}</dt>
              <dd className="m-0 mb-2 break-words sm:mb-0" data-testid={row.testId}>
                {row.value}
              </dd>
            </div>
          ))}
        </dl>
      );
    case 'paragraph':
      return (
        <p
          key={key}
          className={`mb-3 whitespace-pre-wrap break-words ${block.strong ? 'font-semibold' : ''}`}
          data-testid={block.testId}
        >
          {block.text}
        </p>
      );
    case 'signature':
      return (
        <div key={key} className="mt-6 text-right">
          {block.lines.map((line) => (
            <p key={line} className="m-0">
              {line}
            </p>
          ))}
        </div>
      );
    case 'heading':
      return null;
  }
}

export function DecisionLetter({ blocks }: { blocks: LetterBlock[] }) {
  const parts: ReactNode[] = [];
  let section: { id: string; text: string; children: ReactNode[] } | null = null;
  const close = () => {
    if (!section) return;
    const { id, text, children } = section;
    parts.push(
      <section key={`section-${id}`} aria-labelledby={`letter-${id}`} className="mb-6" data-testid={id}>
        <h2 id={`letter-${id}`} className="mb-2 text-xl font-bold">
          {text}
        </h2>
        {children}
      </section>,
    );
    section = null;
  };
  blocks.forEach((block, index) => {
    if (block.kind === 'heading') {
      close();
      section = { id: block.id, text: block.text, children: [] };
    } else if (block.kind === 'signature') {
      close();
      parts.push(renderBlock(block, index));
    } else if (section) {
      (section as { children: ReactNode[] }).children.push(renderBlock(block, index));
    } else {
      parts.push(renderBlock(block, index));
    }
  });
  close();
  return <div data-testid="decision-letter">{parts}</div>;
}
