/*
 * Every key Context Lens keeps in the browser's storage, each written once:
 * the areas its record lives in, its key, or for a family of records (one
 * per pack, per chunk, per frame) a typed builder of its keys and a test
 * for them, and the areas in which every page reads it at its start. The
 * stores, the page's first reads (first-reads.ts), the watchers
 * (storage-watch.ts) and the tests all take their keys from here.
 */

export type StorageArea = 'local' | 'sync' | 'session';
/** The areas a page reads at its start; storage.session is not open to content scripts. */
type FirstReadArea = 'local' | 'sync';

/** What every entry says: the areas its records live in, and which keys are its. */
export interface StorageKeys {
  readonly areas: readonly StorageArea[];
  matches(key: string): boolean;
}

/** One record, under one key. */
export interface StorageRecord<K extends string = string, F extends FirstReadArea = FirstReadArea> extends StorageKeys {
  readonly key: K;
  /** The areas in which every page reads it at its start, in one round trip per area (first-reads.ts). */
  readonly firstRead: readonly F[];
}

/** Records of one kind, one per pack, chunk or frame: their keys start alike. */
interface KeyFamily<A extends unknown[]> extends StorageKeys {
  key(...args: A): string;
}

function record<const K extends string, const F extends FirstReadArea = never>(
  key: K,
  areas: readonly StorageArea[],
  firstRead: readonly F[] = [],
): StorageRecord<K, F> {
  return { key, areas, firstRead, matches: (other) => other === key };
}

/** Keys of `prefix` and one part: all that follows the prefix matches `part` (anything, when not given). */
function family<P extends string | number>(prefix: string, areas: readonly StorageArea[], part = /^/): KeyFamily<[P]> {
  return {
    areas,
    key: (name) => `${prefix}${name}`,
    matches: (key) => key.startsWith(prefix) && part.test(key.slice(prefix.length)),
  };
}

/**
 * The reader's settings (settings-store.ts): in storage.sync, so they follow
 * the reader to other browsers, or in storage.local when sync refuses them.
 */
export const SETTINGS_KEYS = {
  /** The changed fields, and how many chunks hold the site rules. */
  record: record('settings', ['sync', 'local'], ['local', 'sync']),
  /** In storage.local: which area holds the current copy. */
  area: record('settingsArea', ['local'], ['local']),
  /** The site rules, in chunks that fit sync's items, numbered from 0. */
  siteChunk: family<number>('sites.', ['sync', 'local'], /^\d+$/),
};

/** The story packs (pack-store.ts), in storage.local: a pack is far larger than sync's items. */
export const PACK_KEYS = {
  /** The packs a reader added, in the order they were added. */
  added: record('addedPacks', ['local'], ['local']),
  /** The bundled packs whose names are stored, with their versions, so that an update rewrites them. */
  bundled: record('bundledPacks', ['local'], ['local']),
  /** A whole pack a reader added, by its id. */
  pack: family<string>('pack.', ['local']),
  /** A pack's names alone, by its id: what every page reads to find mentions. */
  names: family<string>('packNames.', ['local']),
};

/**
 * The compiled names of the last page's first highlights (first-matcher-cache.ts):
 * outside the pack store's keys, so that keeping them tells no page that its stories changed.
 */
export const MATCHER_CACHE_KEY = record('firstMatcher', ['local'], ['local']);

/** Tab and frame ids as a key family takes them, with the start of the keys of every frame of one tab. */
interface FrameKeyFamily extends KeyFamily<[tabId: number, frameId: number]> {
  ofTab(tabId: number): string;
}

/** Records one per frame of each tab: one key per frame, so frames that report at once need no read-modify-write. */
function perFrame(prefix: string): FrameKeyFamily {
  const ofTab = (tabId: number) => `${prefix}${tabId}:`;
  return {
    areas: ['session'],
    key: (tabId, frameId) => `${ofTab(tabId)}${frameId}`,
    ofTab,
    matches: (key) => key.startsWith(prefix),
  };
}

/** What the background and the panel pass each other in storage.session. */
export const SESSION_KEYS = {
  /** Text the context menu leaves for the panel to look up. */
  lookup: record('lookup', ['session']),
  /** The mentions each frame of each tab marked, by entity: what the badge, the commands and the panel count. */
  frameMentions: perFrame('mentions:'),
  /**
   * The shown mentions of common names each frame left unmarked, by entity,
   * beside its marked ones: written with them in one write, so nobody reads
   * one frame's marked counts with another report's unmarked ones.
   */
  frameUnmarked: perFrame('unmarked:'),
};

/** Every entry of the registry. */
export const STORAGE_KEYS: readonly StorageKeys[] = [
  ...Object.values(SETTINGS_KEYS),
  ...Object.values(PACK_KEYS),
  MATCHER_CACHE_KEY,
  ...Object.values(SESSION_KEYS),
];

const isRecord = (entry: StorageKeys): entry is StorageRecord => 'firstRead' in entry;

/** The records every page reads at its start, each with an area it is read in (first-reads.ts). */
export const FIRST_READS: readonly { area: FirstReadArea; key: string }[] = STORAGE_KEYS.filter(isRecord).flatMap(
  ({ key, firstRead }) => firstRead.map((area) => ({ area, key })),
);
