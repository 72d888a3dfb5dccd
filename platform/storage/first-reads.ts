import { browser } from 'wxt/browser';
import { readRecord } from './stored-record';

/*
 * The records every page reads at its start, asked for in the content
 * script's first lines, while everything else of ours waits for the page's
 * first frame: each read is a round trip to the browser, slow while a page
 * loads, and two gets (one per area) cost the parser's first task less than
 * a get per record. Each store takes its records from here on its first
 * read, and reads them itself afterwards.
 */
const LOCAL = ['settingsArea', 'settings', 'bundledPacks', 'addedPacks', 'firstMatcher'] as const;
const SYNC = ['settings'] as const;

/** A record a store may take from the first reads, as `area:key`. */
export type FirstReadKey = `local:${(typeof LOCAL)[number]}` | `sync:${(typeof SYNC)[number]}`;

export interface FirstReads {
  /**
   * The record's value, undefined when none is stored; rejects when its area
   * could not be read. A record written since the reads began is read afresh.
   */
  read(key: FirstReadKey): Promise<unknown>;
  /**
   * Stops watching for writes, once the caller's own watchers hear them: a
   * record read after this may be older than a write those watchers report.
   */
  close(): void;
}

/** Starts reading every record of the first reads, in one round trip per storage area. */
export function startFirstReads(): FirstReads {
  const areas = {
    local: browser.storage.local.get([...LOCAL]),
    sync: browser.storage.sync.get([...SYNC]),
  };
  // Each is awaited by a store's first read; until then a failure must not count as unhandled.
  for (const reading of Object.values(areas)) reading.catch(() => undefined);
  const written = new Set<string>();
  const listener = (changes: Record<string, unknown>, area: string) => {
    for (const key of Object.keys(changes)) written.add(`${area}:${key}`);
  };
  browser.storage.onChanged.addListener(listener);
  return {
    async read(key) {
      const [area, name] = key.split(':') as ['local' | 'sync', string];
      return written.has(key) ? readRecord(area, name) : (await areas[area])[name];
    },
    close() {
      browser.storage.onChanged.removeListener(listener);
    },
  };
}
