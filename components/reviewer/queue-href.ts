// Links within the queue: the current filters and order (as the server read them from the URL) with some changed.
// Any change but a page turn drops the cursor, so a new filter always starts on the first page.
const ORDER = [
  'tab',
  'state',
  'colour',
  'grounds',
  'overreach',
  'deadline',
  'unit',
  'ref',
  'sort',
  'dir',
  'size',
  'after',
  'before',
];

export type QueueParams = Readonly<Record<string, string>>;

export function queueHref(current: QueueParams, changes: Record<string, string | null> = {}): string {
  const merged: Record<string, string | null> = { ...current, after: null, before: null, ...changes };
  const search = new URLSearchParams();
  for (const key of ORDER) {
    const value = merged[key];
    if (value) search.set(key, value);
  }
  const query = search.toString();
  return query ? `/review?${query}` : '/review';
}
