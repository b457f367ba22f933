/**
 * What the page has stored in IndexedDB, read in the page with the raw IndexedDB API (not
 * through the app), so the tests see exactly what is on disk.
 */
import type { Page } from 'playwright-core';

const DATABASE = 'syria-strikes-map';

/** Every record of each named store (all stores when none are named). */
export async function readStores(page: Page, names?: string[]): Promise<Record<string, unknown[]>> {
  return page.evaluate(
    ({ database, names }) =>
      new Promise<Record<string, unknown[]>>((resolve, reject) => {
        const open = indexedDB.open(database);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const stores = names ?? Array.from(db.objectStoreNames);
          const tx = db.transaction(stores, 'readonly');
          const out: Record<string, unknown[]> = {};
          for (const name of stores) {
            const request = tx.objectStore(name).getAll();
            request.onsuccess = () => (out[name] = request.result as unknown[]);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { database: DATABASE, names },
  );
}

/** How many records each store holds. */
export async function countRecords(page: Page): Promise<Record<string, number>> {
  return page.evaluate(
    (database) =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const open = indexedDB.open(database);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = Array.from(db.objectStoreNames);
          const tx = db.transaction(names, 'readonly');
          const out: Record<string, number> = {};
          for (const name of names) {
            const request = tx.objectStore(name).count();
            request.onsuccess = () => (out[name] = request.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    DATABASE,
  );
}

/**
 * Per store: how many records, and a SHA-256 of all of them in key order, typed arrays
 * written as their type and bytes. Two databases with the same digests hold the same
 * records, field for field, byte for byte (computed in the page: no copy of 100k rows).
 */
export async function storeDigests(page: Page): Promise<Record<string, { count: number; sha256: string }>> {
  return page.evaluate(
    (database) =>
      new Promise<Record<string, { count: number; sha256: string }>>((resolve, reject) => {
        const open = indexedDB.open(database);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = Array.from(db.objectStoreNames).sort();
          const tx = db.transaction(names, 'readonly');
          const all: Record<string, unknown[]> = {};
          for (const name of names) {
            const request = tx.objectStore(name).getAll();
            request.onsuccess = () => (all[name] = request.result as unknown[]);
          }
          tx.oncomplete = async () => {
            db.close();
            const canonical = (value: unknown): unknown => {
              if (ArrayBuffer.isView(value)) return { type: value.constructor.name, bytes: Array.from(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)).join(',') };
              if (Array.isArray(value)) return value.map(canonical);
              if (value !== null && typeof value === 'object')
                return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
              return value;
            };
            const out: Record<string, { count: number; sha256: string }> = {};
            for (const name of names) {
              const text = JSON.stringify(all[name]!.map(canonical));
              const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
              out[name] = { count: all[name]!.length, sha256: Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('') };
            }
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    DATABASE,
  );
}
