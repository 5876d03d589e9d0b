'use client';
// Last-resort error page when the root layout itself fails: its own document, both languages, no detail.
import zh from '@/lib/i18n/messages/zh-CN/core.json';
import en from '@/lib/i18n/messages/en/core.json';
import './globals.css';

export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="zh-CN">
      <body className="mx-auto max-w-2xl px-4 py-8">
        <title>{zh.error.title}</title>
        <h1 className="mb-4 text-3xl font-bold">{zh.error.title}</h1>
        <p className="mb-6">{zh.error.body}</p>
        <div lang="en">
          <h2 className="mb-4 text-2xl font-bold">{en.error.title}</h2>
          <p className="mb-6">{en.error.body}</p>
        </div>
        <button type="button" className="button" onClick={() => retry()}>
          {zh.error.retry} / {en.error.retry}
        </button>
      </body>
    </html>
  );
}
