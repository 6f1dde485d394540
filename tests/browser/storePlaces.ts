import type { Page } from 'playwright-core';
import { waitForMap } from './harness';

/**
 * Stores places behind the app's back, as an import in an earlier session would have, and
 * reloads: the start-up check of the snapshot finds them in the table and shows them.
 */
export async function storePlaces(page: Page, places: readonly object[]): Promise<void> {
  await page.evaluate(
    (records) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('trygghetskartan');
        request.onsuccess = () => {
          const tx = request.result.transaction('features', 'readwrite');
          for (const record of records) tx.objectStore('features').put(record);
          tx.oncomplete = () => {
            request.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
        request.onerror = () => reject(request.error);
      }),
    places,
  );
  await page.reload();
  await waitForMap(page);
}
