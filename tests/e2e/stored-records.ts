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
