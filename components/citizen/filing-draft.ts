// The filing wizard's draft, kept in this browser tab so Back, Forward and reload lose nothing (SPEC §13): the answers in
// sessionStorage (the tab's own), the chosen evidence files as Blobs in IndexedDB under the tab's draft id. Nothing of
// it goes into the URL. Cleared when the appeal is filed and on sign-out; another user's draft is never shown.
import type { PickedFile } from './evidence-picker';
import type { FilingFormValues } from './filing-form';

const DRAFT_KEY = 'filing-draft';
const DB_NAME = 'filing-draft';
const STORE = 'files';
/** Files of drafts from tabs closed without filing are removed after a day. */
const STALE_AFTER_MS = 24 * 3600 * 1000;

export interface FilingDraft {
  /** The signed-in user the draft belongs to. */
  owner: string;
  /** Names this tab's files in IndexedDB. */
  draftId: string;
  values: FilingFormValues;
  /** The person has seen "check your answers": continuing from a changed answer returns there. */
  reachedCheck: boolean;
}

interface StoredFile {
  key: string;
  draftId: string;
  position: number;
  id: string;
  file: File;
  error: string | null;
  savedAt: number;
}

export function readDraft(owner: string): FilingDraft | null {
  try {
    const raw = window.sessionStorage.getItem(DRAFT_KEY);
    if (!raw) return null;
    const draft = JSON.parse(raw) as FilingDraft;
    return draft.owner === owner && typeof draft.draftId === 'string' && draft.values ? draft : null;
  } catch {
    return null;
  }
}

export function writeDraft(draft: FilingDraft): void {
  try {
    window.sessionStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
  } catch {
    // Storage full or refused (private mode): the wizard still works, only reload loses the answers.
  }
}

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = window.indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'key' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('indexedDB.open failed'));
    request.onblocked = () => reject(new Error('indexedDB.open blocked'));
  });
}

async function withStore<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => T): Promise<T> {
  const db = await openDatabase();
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const result = work(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(result);
      transaction.onerror = () => reject(transaction.error ?? new Error('indexedDB transaction failed'));
      transaction.onabort = () => reject(transaction.error ?? new Error('indexedDB transaction aborted'));
    });
  } finally {
    db.close();
  }
}

/** This draft's files, in the order chosen; stale files of other tabs' drafts are removed on the way. */
export async function readDraftFiles(draftId: string): Promise<PickedFile[]> {
  const found: StoredFile[] = [];
  await withStore('readwrite', (store) => {
    const cursor = store.openCursor();
    cursor.onsuccess = () => {
      const at = cursor.result;
      if (!at) return;
      const stored = at.value as StoredFile;
      if (stored.draftId === draftId) found.push(stored);
      else if (stored.savedAt < Date.now() - STALE_AFTER_MS) at.delete();
      at.continue();
    };
  });
  return found
    .sort((a, b) => a.position - b.position)
    .map((stored) => ({ id: stored.id, file: stored.file, error: stored.error }));
}

let pendingWrite: Promise<void> = Promise.resolve();

/** Replaces this draft's files (writes run one after another, so the last list chosen is the one kept). */
export function writeDraftFiles(draftId: string, files: PickedFile[]): Promise<void> {
  const savedAt = Date.now();
  pendingWrite = pendingWrite
    .then(() =>
      withStore('readwrite', (store) => {
        const range = IDBKeyRange.bound(`${draftId}:`, `${draftId}:\uffff`);
        store.delete(range);
        files.forEach((picked, position) =>
          store.put({
            key: `${draftId}:${String(position).padStart(2, '0')}`,
            draftId,
            position,
            id: picked.id,
            file: picked.file,
            error: picked.error,
            savedAt,
          } satisfies StoredFile),
        );
      }),
    )
    .catch(() => undefined);
  return pendingWrite;
}

/** Forgets every draft of this browser: the tab's answers and all stored files. Never fails, returns within ~1 s. */
export async function clearFilingDraft(): Promise<void> {
  try {
    window.sessionStorage.removeItem(DRAFT_KEY);
  } catch {
    // Nothing stored.
  }
  const cleared = pendingWrite.then(
    () =>
      new Promise<void>((resolve) => {
        try {
          const request = window.indexedDB.deleteDatabase(DB_NAME);
          request.onsuccess = () => resolve();
          request.onerror = () => resolve();
          request.onblocked = () => resolve();
        } catch {
          resolve();
        }
      }),
  );
  await Promise.race([cleared, new Promise<void>((resolve) => setTimeout(resolve, 1000))]);
}
