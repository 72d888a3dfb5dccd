import { browser } from 'wxt/browser';
import { FIRST_READS, type StorageRecord } from './storage-keys';
import { readRecord } from './stored-record';

/*
 * The records every page reads at its start (those the registry of storage
 * keys marks so), asked for in the content script's first lines, while
 * everything else of ours waits for the page's first frame: each read is a
 * round trip to the browser, slow while a page loads, and two gets (one per
 * area) cost the parser's first task less than a get per record. Each store
 * takes its records from here on its first read, and reads them itself
 * afterwards.
 */

export interface FirstReads {
  /**
   * The record's value in `area`, undefined when none is stored; rejects when
   * the area could not be read. A record written since the reads began is
   * read afresh. Only a record of the first reads, in an area it is read in.
   */
  read<R extends StorageRecord>(record: R, area: R['firstRead'][number]): Promise<unknown>;
  /**
   * Stops watching for writes, once the caller's own watchers hear them: a
   * record read after this may be older than a write those watchers report.
   */
  close(): void;
}

const keysIn = (area: 'local' | 'sync') => FIRST_READS.filter((read) => read.area === area).map((read) => read.key);

/** Starts reading every record of the first reads, in one round trip per storage area. */
export function startFirstReads(): FirstReads {
  const areas = {
    local: browser.storage.local.get(keysIn('local')),
    sync: browser.storage.sync.get(keysIn('sync')),
  };
  // Each is awaited by a store's first read; until then a failure must not count as unhandled.
  for (const reading of Object.values(areas)) reading.catch(() => undefined);
  const written = new Set<string>();
  const listener = (changes: Record<string, unknown>, area: string) => {
    for (const key of Object.keys(changes)) written.add(`${area}:${key}`);
  };
  browser.storage.onChanged.addListener(listener);
  return {
    async read({ key }, area) {
      return written.has(`${area}:${key}`) ? readRecord(area, key) : (await areas[area])[key];
    },
    close() {
      browser.storage.onChanged.removeListener(listener);
    },
  };
}
