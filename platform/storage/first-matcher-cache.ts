import { browser } from 'wxt/browser';
import { type Matcher, type MatcherTables, TABLE_ARRAYS } from '../../engine/matcher/matcher';
import { check, restoreMatcher } from '../../engine/matcher/matcher-tables';
import { isPageEntity, type PageEntity } from '../../engine/packs/lens-entities';
import { MAX_COMPILED_NAMES_BYTES } from '../../engine/packs/pack-limits';
import { isObj } from '../../engine/packs/plain-object';
import { warnFailure } from '../log-failure';
import type { FirstReads } from './first-reads';
import { MATCHER_CACHE_KEY } from './storage-keys';
import { readRecord } from './stored-record';

/*
 * The compiled names a page's first highlights were found with, kept in
 * storage.local: every page after the first restores them instead of
 * compiling the stories' names while it loads. One entry, for the stories
 * and kinds of the last page that compiled. Its arrays are kept as lists
 * of numbers, since storage holds JSON: the browser parses them natively
 * as it reads, where decoding base64 in the page took a cold loop as long.
 */

const FIRST_MATCHER = MATCHER_CACHE_KEY.key;
/** Bumped whenever the tables' layout changes: an entry of another layout is compiled anew. */
const FORMAT = 4;

/** A page that is never idle still keeps its compiled names this soon. */
const KEEP_WITHIN_MS = 2000;

/** Names kept by another version of the extension may be of other code, or other bundled stories: never restored. */
const versioned = (key: string) => `${browser.runtime.getManifest().version}|${key}`;

/** A matcher and the entities it finds, which the card tells of. */
export interface CompiledNames {
  matcher: Matcher;
  entities: PageEntity[];
}

/** Names kept for a key, to be restored: the caller times that work, which is a page's whole start-up then. */
interface KeptNames {
  /** The matcher and entities, or null when what was kept is damaged, which is said: the caller compiles anew. */
  restore(): CompiledNames | null;
}

export interface MatcherCache {
  /** The names kept for `key`; null when none are, or those of other stories or kinds. */
  take(key: string): Promise<KeptNames | null>;
  /** Keeps the names compiled for `key`, unless they are larger than the cache may hold. */
  remember(key: string, compiled: CompiledNames): void;
}

type Stored = {
  format: number;
  key: string;
  entities: PageEntity[];
  withLaterForms: string[];
  notNear: MatcherTables['entities']['notNear'];
  shortForms: MatcherTables['entities']['shortForms'];
  classCount: number;
  patternCount: number;
  arrays: Record<keyof MatcherTables['arrays'], number[]>;
};

/**
 * The cache of the first highlights' compiled names. The first `take` uses
 * the page's first reads; later ones read afresh.
 */
export function firstMatcherCache(first: FirstReads): MatcherCache {
  let early: Promise<unknown> | null = first.read(MATCHER_CACHE_KEY, 'local');
  // Awaited at the first take; until then a failure must not count as unhandled.
  early.catch(() => undefined);
  return {
    async take(key) {
      const read = early ?? readRecord('local', FIRST_MATCHER);
      early = null;
      const raw = await read.catch(() => null);
      if (!isObj(raw) || raw.format !== FORMAT || raw.key !== versioned(key)) return null;
      return {
        restore() {
          try {
            return restoreStored(raw);
          } catch (error) {
            console.warn('Context Lens compiles its names anew:', error instanceof Error ? error.message : error);
            return null;
          }
        },
      };
    },
    remember(key, { matcher, entities }) {
      // For the next page, so in this one's idle time: never between it and its first highlights.
      requestIdleCallback(
        () => {
          const stored = storedForm(key, matcher.tables(), entities);
          if (stored === null) return;
          browser.storage.local.set({ [FIRST_MATCHER]: stored }).catch((error) => {
            // Storage full or gone: the next page compiles, as this one did.
            warnFailure('keep its compiled names', error);
          });
        },
        { timeout: KEEP_WITHIN_MS },
      );
    },
  };
}

function storedForm(key: string, tables: MatcherTables, entities: PageEntity[]): Stored | null {
  // Each entry takes two chars at least ("0,"): far too many are not even written out.
  const entries = Object.values(tables.arrays).reduce((sum, array) => sum + array.length, 0);
  if (entries * 2 > MAX_COMPILED_NAMES_BYTES) return null;
  const arrays = {} as Stored['arrays'];
  for (const name of Object.keys(TABLE_ARRAYS) as (keyof Stored['arrays'])[]) {
    arrays[name] = Array.from(tables.arrays[name]);
  }
  const { classCount, patternCount } = tables;
  const stored: Stored = {
    format: FORMAT,
    key: versioned(key),
    entities,
    withLaterForms: [...tables.entities.withLaterForms],
    notNear: tables.entities.notNear,
    shortForms: tables.entities.shortForms,
    classCount,
    patternCount,
    arrays,
  };
  return JSON.stringify(stored).length > MAX_COMPILED_NAMES_BYTES ? null : stored;
}

/** Throws an error that says what is damaged. */
function restoreStored(raw: Record<string, unknown>): CompiledNames {
  const { entities, withLaterForms, notNear, shortForms, classCount, patternCount, arrays } = raw;
  check(Array.isArray(entities) && entities.every(isPageEntity), 'the entities');
  check(Array.isArray(withLaterForms) && isObj(arrays), 'the entities with later forms, or the arrays');
  const lists = arrays as Record<string, unknown>;
  const decoded = {} as Record<string, ArrayBufferView>;
  for (const [name, type] of Object.entries(TABLE_ARRAYS)) {
    const list = lists[name];
    check(Array.isArray(list), name);
    // Whatever the list holds, the typed array holds integers, and restoring checks each one that is an index.
    decoded[name] = type.from(list as number[]);
  }
  const kept = entities as PageEntity[];
  const matcher = restoreMatcher({
    entities: {
      ids: kept.map((entity) => entity.id),
      kinds: kept.map((entity) => entity.kind),
      withLaterForms: withLaterForms as string[],
      // Checked word by word as the matcher is restored.
      notNear: notNear as MatcherTables['entities']['notNear'],
      shortForms: shortForms as MatcherTables['entities']['shortForms'],
    },
    classCount: classCount as number,
    patternCount: patternCount as number,
    arrays: decoded as MatcherTables['arrays'],
  });
  return { matcher, entities: kept };
}
