// The browser gets only the messages its client components use (lib/i18n/client-messages.ts): every namespace an
// area's client components (or the keys its pages hand them) name must be among those its layout sends.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CLIENT_NAMESPACES,
  clientNamespacesFor,
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
const areas = readdirSync(APP, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !NOT_PAGES.has(entry.name))
  .map((entry) => entry.name);

const isArea = (name: string): name is ClientMessageArea => name in CLIENT_NAMESPACES;

describe('messages sent to the browser', () => {
  it('the root layout sends what its own client components and the root pages use', () => {
    const used = clientNamespacesOf(routeFiles(null), known);
    expect([...used].filter((namespace) => !clientNamespacesFor(null).includes(namespace))).toEqual([]);
  });

  it.each(areas)('app/%s: its client components find every namespace they name', (area) => {
    const used = clientNamespacesOf(routeFiles(area), known);
    const sent = clientNamespacesFor(isArea(area) ? area : null);
    expect([...used].filter((namespace) => !sent.includes(namespace)).sort()).toEqual([]);
  });

  it.each(Object.keys(CLIENT_NAMESPACES))('app/%s/layout.tsx wraps its pages in its messages', (area) => {
    const layout = path.join(APP, area, 'layout.tsx');
    expect(existsSync(layout)).toBe(true);
    expect(readFileSync(layout, 'utf8')).toContain(`<ClientMessages area="${area}">`);
  });

  it('names only namespaces both catalogues have', () => {
    const named = [...ROOT_CLIENT_NAMESPACES, ...Object.values(CLIENT_NAMESPACES).flat()];
    for (const locale of LOCALES) {
      const catalogue = messagesFor(locale);
      expect(named.filter((namespace) => !(namespace in catalogue))).toEqual([]);
    }
  });

  it('sends an area a small part of the catalogue, the namespaces whole', () => {
    const all = messagesFor('zh-CN');
    const review = pickMessages(all, clientNamespacesFor('review'));
    expect(Object.keys(review).sort()).toEqual([...clientNamespacesFor('review')].sort());
    expect(review.reviewQueue).toEqual(all.reviewQueue);
    expect(JSON.stringify(review).length).toBeLessThan(JSON.stringify(all).length / 4);
    expect(pickMessages(all, ['noSuchNamespace'])).toEqual({});
  });
});
