// SPDX-License-Identifier: EUPL-1.2
/**
 * Submissions waiting to be sent, kept on the device in IndexedDB so that a
 * report made in the street with no network survives a reload and is sent
 * later. Each entry keeps the `clientId` it was made with: the server applies
 * a retried submission with the same id once. What identifies the person
 * (a reporter's name, email, phone) is kept no longer than a draft is
 * ({@linkcode DRAFT_LIFETIME_MS}): on a shared computer, a report waiting for
 * days for the network must not keep its author's contact; the entry itself
 * still waits and is sent, without it.
 */
import { DRAFT_LIFETIME_MS } from './draft.js';

/** A file waiting with its entry. */
export interface OutboxFile {
  readonly name: string;
  readonly blob: Blob;
}

export interface OutboxEntry<T = unknown> {
  /** Also the `Idempotency-Key` sent with every attempt. */
  readonly clientId: string;
  /** Where it goes: the full URL of the POST. */
  readonly url: string;
  readonly body: T;
  /** Files sent with it (re-encoded photos): IndexedDB keeps Blobs as they are. */
  readonly files?: readonly OutboxFile[];
  /** When the person submitted it (ISO 8601). */
  readonly createdAt: string;
}

const DB_NAME = 'gusp-elements';
const STORE = 'outbox';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

let opening: Promise<IDBDatabase> | undefined;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE, { keyPath: 'clientId' });
    };
    req.onsuccess = () => {
      const db = req.result;
      // Another tab upgrading the database: let it, and reopen next time.
      db.onversionchange = () => {
        db.close();
        opening = undefined;
      };
      resolve(db);
    };
    req.onerror = () => {
      opening = undefined;
      reject(req.error ?? new Error('IndexedDB could not be opened'));
    };
  });
  return opening;
}

async function store(mode: IDBTransactionMode): Promise<IDBObjectStore> {
  return (await open()).transaction(STORE, mode).objectStore(STORE);
}

/**
 * Entries waiting for `url`, oldest first. Those older than
 * {@linkcode DRAFT_LIFETIME_MS} (or without a readable date) go through
 * `forget` (the body without what identifies the person, or `undefined` when
 * it holds none), and are stored again so: the contact leaves the device.
 */
export async function pending<T>(url: string, forget?: (body: T) => T | undefined): Promise<OutboxEntry<T>[]> {
  const all = (await request((await store('readonly')).getAll())) as OutboxEntry<T>[];
  const mine = all.filter((e) => e.url === url).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  for (const [i, entry] of mine.entries()) {
    const body = forget && !(Date.now() - Date.parse(entry.createdAt) < DRAFT_LIFETIME_MS) && forget(entry.body);
    if (body) await put((mine[i] = { ...entry, body }));
  }
  return mine;
}

export async function put<T>(entry: OutboxEntry<T>): Promise<void> {
  await request((await store('readwrite')).put(entry));
}

export async function remove(clientId: string): Promise<void> {
  await request((await store('readwrite')).delete(clientId));
}
