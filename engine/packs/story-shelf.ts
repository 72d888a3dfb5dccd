import type { InstalledPack } from './pack-registry';
import { isString, shapeGuard } from './plain-object';

/** A bundled pack as the shelf needs it: which one, and which version. */
export interface BundledEntry {
  id: string;
  version: string;
}

/** Whether an entry of the stored list of bundled packs names one. */
export const isBundledEntry = shapeGuard<BundledEntry>({ id: isString, version: isString });

/** One story the reader has, in its turn. */
export interface ShelfStory {
  id: string;
  version: string;
  /** Ships with the extension: it can be switched off, not removed. */
  bundled: boolean;
  /** Added by the reader: a story of its own, or a newer version of a bundled one. */
  added: InstalledPack | null;
  /** Its place among the stories, from 0: it picks the story's default tint and wins name clashes in order. */
  turn: number;
}

/**
 * Every story the reader has, in order: the bundled ones first, each
 * replaced by the reader's newer version where there is one, then the
 * packs the reader added, in the order they were added.
 */
export function storyShelf(bundled: readonly BundledEntry[], added: readonly InstalledPack[]): ShelfStory[] {
  const byId = new Map(added.map((entry) => [entry.id, entry]));
  const stories: ShelfStory[] = bundled.map((entry, turn) => {
    const update = byId.get(entry.id) ?? null;
    return { id: entry.id, version: update?.version ?? entry.version, bundled: true, added: update, turn };
  });
  const bundledIds = new Set(bundled.map((entry) => entry.id));
  for (const entry of added) {
    if (bundledIds.has(entry.id)) continue;
    stories.push({ id: entry.id, version: entry.version, bundled: false, added: entry, turn: stories.length });
  }
  return stories;
}
