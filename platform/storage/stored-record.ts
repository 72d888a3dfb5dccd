import { browser } from 'wxt/browser';

/** One record of a storage area: its value, undefined when none is stored. Rejects when the area cannot be read. */
export async function readRecord(area: 'local' | 'sync', key: string): Promise<unknown> {
  return (await browser.storage[area].get(key))[key];
}
