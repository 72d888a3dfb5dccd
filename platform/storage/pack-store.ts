import { browser } from 'wxt/browser';
import type { StoryPack } from '../../data/schema';
import type { Notice } from '../../engine/notices';
import { namesOf, type PackNames, storedPackNames } from '../../engine/packs/lens-entities';
import { type InstalledPack, isInstalledPack, ownCopyId } from '../../engine/packs/pack-registry';
import { isObj } from '../../engine/packs/plain-object';
import { readStoryPack } from '../../engine/packs/story-pack';
import { type BundledEntry, isBundledEntry } from '../../engine/packs/story-shelf';
import type { FirstReads } from './first-reads';
import { PACK_KEYS } from './storage-keys';
import { watchStorageKeys } from './storage-watch';
import { readRecord } from './stored-record';

/*
 * Where story packs live: storage.local, never sync (a pack is far larger
 * than sync's 8 KB items). Per pack, two records: the whole pack, which the
 * card, the panel and the options page read, and its names alone, which
 * every page reads to find mentions, so that a page never parses facts it
 * does not show. The bundled packs' names are written here by the
 * background; the packs themselves ship inside the extension's pages.
 */

const local = () => browser.storage.local;
const ADDED = PACK_KEYS.added.key;
const BUNDLED = PACK_KEYS.bundled.key;
const packKey = PACK_KEYS.pack.key;
const namesKey = PACK_KEYS.names.key;

/** The index of added packs, each entry checked: a damaged one is left out, and said. From `first` when a page's first reads have it. */
export async function addedPacks(first?: FirstReads): Promise<{ packs: InstalledPack[]; warnings: Notice[] }> {
  const raw = (await (first?.read(PACK_KEYS.added, 'local') ?? readRecord('local', ADDED))) ?? [];
  const packs: InstalledPack[] = [];
  const warnings: Notice[] = [];
  for (const entry of Array.isArray(raw) ? raw : []) {
    if (isInstalledPack(entry)) packs.push(entry);
    else warnings.push({ code: 'packEntryDamaged' });
  }
  if (!Array.isArray(raw)) warnings.push({ code: 'packListDamaged' });
  return { packs, warnings };
}

/**
 * Stores a pack a reader added or updated: the pack, its names and the
 * index, in one write, so that no reader of storage ever sees half of it.
 */
export async function storeAddedPack(pack: StoryPack, entry: InstalledPack): Promise<void> {
  const { packs } = await addedPacks();
  const index = [...packs.filter((p) => p.id !== entry.id), entry];
  await local().set({ [packKey(pack.id)]: pack, [namesKey(pack.id)]: namesOf(pack), [ADDED]: index });
}

/**
 * Removes a pack a reader added. The index goes first, so that an
 * interrupted removal leaves unlisted data, never a listed pack without it.
 */
export async function removeAddedPack(id: string): Promise<void> {
  const { packs } = await addedPacks();
  await local().set({ [ADDED]: packs.filter((p) => p.id !== id) });
  await local().remove([packKey(id), namesKey(id)]);
}

/** A whole added pack, checked again as it is read; null when it is missing or damaged. */
export async function readAddedPack(id: string): Promise<StoryPack | null> {
  const reading = readStoryPack((await readRecord('local', packKey(id))) ?? null);
  return reading.ok ? reading.pack : null;
}

/** The bundled packs whose names are stored, in their order; empty until the background has stored them. From `first` when a page's first reads have it. */
export async function bundledEntries(first?: FirstReads): Promise<BundledEntry[]> {
  const raw = await (first?.read(PACK_KEYS.bundled, 'local') ?? readRecord('local', BUNDLED));
  if (!Array.isArray(raw)) return [];
  return raw.filter(isBundledEntry);
}

/**
 * Writes the bundled packs' names where pages read them, when this version
 * of the extension has not yet (an install or an update), and moves any
 * added pack with a bundled pack's id, which an older version let a file
 * store as the bundled story's update, to an id of its own (`ownCopyId`).
 * No added pack may take a bundled id now (a file must not replace a story
 * the reader trusts), and none is lost for it: the reader finds it on the
 * shelf as a story of its own, beside the one that ships, and may remove it.
 * Checked at every start, since an update that keeps the bundled versions
 * must still move such a pack.
 */
export async function storeBundledNames(bundled: readonly StoryPack[]): Promise<void> {
  const [stored, { packs }] = await Promise.all([readRecord('local', BUNDLED), addedPacks()]);
  const bundledIds = new Set(bundled.map((pack) => pack.id));
  const taken = packs.filter((entry) => bundledIds.has(entry.id));
  const current = bundled.map((pack) => ({ id: pack.id, version: pack.version }));
  if (taken.length === 0 && JSON.stringify(stored ?? []) === JSON.stringify(current)) return;
  const used = new Set([...bundledIds, ...packs.map((entry) => entry.id)]);
  const moved: { from: string; record: Record<string, unknown>; names: PackNames | null; entry: InstalledPack }[] = [];
  for (const entry of taken) {
    const raw = await readRecord('local', packKey(entry.id));
    // A record that is not even an object has nothing left to keep.
    if (!isObj(raw)) continue;
    const id = ownCopyId(entry.id, used);
    used.add(id);
    // Kept as it is, even where today's checks refuse it: the shelf lists it, and the reader decides.
    const reading = readStoryPack({ ...raw, id });
    const names = reading.ok ? namesOf(reading.pack) : null;
    moved.push({ from: entry.id, record: { ...raw, id }, names, entry: { ...entry, id } });
  }
  // One write lists each moved pack under its own id with its records, and puts the bundled names where its names were.
  await local().set({
    ...(taken.length === 0
      ? {}
      : { [ADDED]: [...packs.filter((entry) => !bundledIds.has(entry.id)), ...moved.map((m) => m.entry)] }),
    ...Object.fromEntries(
      moved.flatMap(({ record, names, entry }) => [
        [packKey(entry.id), record],
        ...(names === null ? [] : [[namesKey(entry.id), names]]),
      ]),
    ),
    ...Object.fromEntries(bundled.map((pack) => [namesKey(pack.id), namesOf(pack)])),
    [BUNDLED]: current,
  });
  if (taken.length === 0) return;
  await local().remove(taken.map((entry) => packKey(entry.id)));
  for (const { from, entry } of moved) {
    console.warn(
      `Context Lens keeps the added pack "${entry.title}" (version ${entry.version}) as a story of its own, "${entry.id}": its id "${from}" belongs to a story that comes with Context Lens, which an added pack can no longer replace.`,
    );
  }
}

/**
 * The names of the given packs, in the order asked, each checked for the
 * shape the matcher needs. A missing or damaged record is left out and
 * reported by its pack id.
 */
export async function readPackNames(ids: readonly string[]): Promise<{ names: PackNames[]; missing: string[] }> {
  const records = await local().get(ids.map(namesKey));
  const names: PackNames[] = [];
  const missing: string[] = [];
  for (const id of ids) {
    const checked = storedPackNames(records[namesKey(id)], id);
    if (checked === null) missing.push(id);
    else names.push(checked);
  }
  return { names, missing };
}

/** Calls `onChange` whenever packs are added, updated or removed, anywhere in the extension. */
export function watchPacks(onChange: () => void): () => void {
  return watchStorageKeys(PACK_KEYS, onChange);
}
