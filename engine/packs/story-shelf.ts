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
  /** What the list of added packs says of it; null for a bundled story, which no added pack replaces. */
  added: InstalledPack | null;
  /** Its place among the stories, from 0: it picks the story's default tint and wins name clashes in order. */
  turn: number;
}

/**
 * Every story the reader has, in order: the bundled ones first, then the
 * packs the reader added, in the order they were added. An added entry
 * with a bundled story's id (left in storage by a version of Context Lens
 * that let a file update a bundled story) is neither listed nor used: a
 * bundled story is always the one that ships.
 */
export function storyShelf(bundled: readonly BundledEntry[], added: readonly InstalledPack[]): ShelfStory[] {
  const stories: ShelfStory[] = bundled.map((entry, turn) => ({
    id: entry.id,
    version: entry.version,
    bundled: true,
    added: null,
    turn,
  }));
  const bundledIds = new Set(bundled.map((entry) => entry.id));
  for (const entry of added) {
    if (bundledIds.has(entry.id)) continue;
    stories.push({ id: entry.id, version: entry.version, bundled: false, added: entry, turn: stories.length });
  }
  return stories;
}
