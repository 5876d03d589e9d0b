// The browser gets only the messages its client components use (lib/i18n/client-messages.ts): every namespace the
// client components of a part of the app (or the keys its pages hand them) name must be among those its layout sends,
// and a page outside every part gets the root layout's.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CLIENT_NAMESPACES,
  clientNamespacesFor,
  coversPath,
  messagesAt,
  pickMessages,
  ROOT_CLIENT_NAMESPACES,
  type ClientMessageArea,
} from '@/lib/i18n/client-messages';
import { LOCALES } from '@/lib/i18n/config';
import { messagesFor } from '@/lib/i18n/messages';
import { clientNamespacesOf, routeFiles } from './client-namespaces-scan';

const known = new Set(Object.keys(messagesFor('zh-CN')));
const APP = path.resolve(import.meta.dirname, '../../app');
/** Folders under app/ that hold no pages: API routes and shared server actions (scanned through their importers). */
const NOT_PAGES = new Set(['api', 'actions']);
const PARTS = Object.keys(CLIENT_NAMESPACES) as ClientMessageArea[];
const within = (folder: string, part: string) => part.startsWith(`${folder}/`);
/** The folders under app/ with pages that no part's layout covers: they get the root layout's messages. */
const uncovered = readdirSync(APP, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !NOT_PAGES.has(entry.name) && !(entry.name in CLIENT_NAMESPACES))
  .map((entry) => entry.name);

/** A folder's route files, less those of the parts inside it and the route handlers (they render nothing). */
function filesOutsideParts(folder: string): string[] {
  const inner = PARTS.filter((part) => within(folder, part)).map((part) => path.join(APP, part) + path.sep);
  return routeFiles(folder).filter(
    (file) => !inner.some((prefix) => file.startsWith(prefix)) && path.basename(file, path.extname(file)) !== 'route',
  );
}

describe('messages sent to the browser', () => {
  it('the root layout sends what its own client components and the root pages use', () => {
    const used = clientNamespacesOf(routeFiles(null), known);
    expect([...used].filter((namespace) => !coversPath(clientNamespacesFor(null), namespace))).toEqual([]);
  });

  it.each(PARTS)('app/%s: its client components find every namespace they name', (part) => {
    const used = clientNamespacesOf(routeFiles(part), known);
    const sent = clientNamespacesFor(part);
    expect([...used].filter((namespace) => !coversPath(sent, namespace)).sort()).toEqual([]);
  });

  it.each(PARTS)('app/%s: shows the refusals of the supervision actions its pages hand on', (part) => {
    const pages = routeFiles(part).filter((file) => readFileSync(file, 'utf8').includes('@/app/supervise/actions'));
    if (pages.length > 0) expect(coversPath(clientNamespacesFor(part), 'supervise.errors')).toBe(true);
  });

  it.each(uncovered)('app/%s: its pages outside every part use only what the root layout sends', (folder) => {
    const used = clientNamespacesOf(filesOutsideParts(folder), known);
    expect([...used].filter((namespace) => !coversPath(clientNamespacesFor(null), namespace)).sort()).toEqual([]);
  });

  it.each(PARTS)('app/%s/layout.tsx wraps its pages in its messages', (part) => {
    const layout = path.join(APP, part, 'layout.tsx');
    expect(existsSync(layout)).toBe(true);
    expect(readFileSync(layout, 'utf8')).toContain(`<ClientMessages area="${part}">`);
  });

  it('no part lies within another, so a page carries one set of messages', () => {
    expect(PARTS.filter((part) => PARTS.some((outer) => within(outer, part)))).toEqual([]);
  });

  it('names only namespaces both catalogues have', () => {
    const named = [...ROOT_CLIENT_NAMESPACES, ...Object.values(CLIENT_NAMESPACES).flat()];
    for (const locale of LOCALES) {
      const catalogue = messagesFor(locale);
      expect(named.filter((namespace) => messagesAt(catalogue, namespace) === undefined)).toEqual([]);
    }
  });

  it('sends an area a small part of the catalogue, the namespaces whole', () => {
    const all = messagesFor('zh-CN');
    const review = pickMessages(all, clientNamespacesFor('review/cases'));
    expect(Object.keys(review).sort()).toEqual([...clientNamespacesFor('review/cases')].sort());
    expect(review.reviewCase).toEqual(all.reviewCase);
    expect(JSON.stringify(review).length).toBeLessThan(JSON.stringify(all).length / 4);
    expect(pickMessages(all, ['noSuchNamespace'])).toEqual({});
  });

  it('sends a group of a namespace without the rest of it', () => {
    const all = messagesFor('zh-CN') as Record<string, Record<string, unknown>>;
    const picked = pickMessages(all, ['layout', 'supervise.table', 'supervise.reassign', 'supervise.noSuchGroup']);
    expect(picked).toEqual({
      layout: all.layout,
      supervise: { table: all.supervise!.table, reassign: all.supervise!.reassign },
    });
    expect(coversPath(['supervise.table'], 'supervise.table')).toBe(true);
    expect(coversPath(['supervise'], 'supervise.table')).toBe(true);
    expect(coversPath(['supervise.table'], 'supervise')).toBe(false);
    expect(coversPath(['supervise.table'], 'supervise.tableau')).toBe(false);
  });
});
