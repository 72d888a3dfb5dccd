import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BUNDLED_PACKS } from '../../data/bundled-packs';
import type { StoryPack } from '../../data/schema';
import { mergePackNames, namesOf } from '../../engine/packs/lens-entities';
import { installedEntry } from '../../engine/packs/pack-registry';
import { applyPatch } from '../../engine/settings/settings';
import { startFirstReads } from '../../platform/storage/first-reads';
import {
  addedPacks,
  bundledEntries,
  readAddedPack,
  readPackNames,
  removeAddedPack,
  storeAddedPack,
  storeBundledNames,
  watchPacks,
} from '../../platform/storage/pack-store';
import { pageStories } from '../../platform/storage/page-stories';
import { PACK_KEYS } from '../../platform/storage/storage-keys';

const [china, huawei] = BUNDLED_PACKS as [StoryPack, StoryPack];
const reader: StoryPack = { ...structuredClone(huawei), id: 'reader-story', title: 'A reader’s story' };
const entryOf = (pack: StoryPack) => installedEntry(pack, new Date('2026-12-01T00:00:00Z'));

beforeEach(() => fakeBrowser.reset());

describe('the pack store', () => {
  it('keeps nothing in sync storage: packs are far larger than its items', async () => {
    await storeBundledNames(BUNDLED_PACKS);
    await storeAddedPack(reader, entryOf(reader));
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('stores the bundled names once per version, and pages read them', async () => {
    await storeBundledNames(BUNDLED_PACKS);
    expect(await bundledEntries()).toEqual(BUNDLED_PACKS.map((p) => ({ id: p.id, version: p.version })));
    const { names, missing } = await readPackNames([huawei.id, china.id, 'nothing-here']);
    expect(names.map((n) => n.packId)).toEqual([huawei.id, china.id]);
    expect(missing).toEqual(['nothing-here']);
  });

  it('adds a pack whole, with its names and its entry, and removes it whole', async () => {
    await storeAddedPack(reader, entryOf(reader));
    expect((await addedPacks()).packs).toEqual([entryOf(reader)]);
    expect(await readAddedPack(reader.id)).toEqual(reader);
    expect((await readPackNames([reader.id])).names).toEqual([namesOf(reader)]);
    await removeAddedPack(reader.id);
    expect((await addedPacks()).packs).toEqual([]);
    expect(await readAddedPack(reader.id)).toBeNull();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ [PACK_KEYS.added.key]: [] });
  });

  it.each([
    ['an update that changes the bundled versions', [{ id: china.id, version: '0.1.0' }]],
    ['an update that keeps them', BUNDLED_PACKS.map((p) => ({ id: p.id, version: p.version }))],
  ])(
    'moves a copy an older version stored under a bundled id to an id of its own, at %s, and says so',
    async (_, storedBundled) => {
      // As an older version left it: the copy listed and stored, its names over the bundled story's.
      const stale = { ...structuredClone(china), version: '99.0.0', title: 'Your bank statement' };
      await storeAddedPack(reader, entryOf(reader));
      await storeAddedPack(stale, entryOf(stale));
      await fakeBrowser.storage.local.set({
        [PACK_KEYS.bundled.key]: storedBundled,
        [PACK_KEYS.names.key(china.id)]: { ...namesOf(stale), entities: [] },
      });
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

      await storeBundledNames(BUNDLED_PACKS);

      const copyId = `${china.id}-copy`;
      expect((await addedPacks()).packs).toEqual([entryOf(reader), { ...entryOf(stale), id: copyId }]);
      expect(await readAddedPack(copyId)).toEqual({ ...stale, id: copyId });
      expect((await readPackNames([copyId])).names).toEqual([namesOf({ ...stale, id: copyId })]);
      const stored = await fakeBrowser.storage.local.get(null);
      expect(stored).not.toHaveProperty(PACK_KEYS.pack.key(china.id));
      expect(stored[PACK_KEYS.names.key(china.id)]).toEqual(namesOf(china));
      expect(await readAddedPack(reader.id)).toEqual(reader);
      expect(await bundledEntries()).toEqual(BUNDLED_PACKS.map((p) => ({ id: p.id, version: p.version })));
      expect(warn).toHaveBeenCalledOnce();
      expect(warn.mock.calls[0]?.[0]).toBe(
        `Context Lens keeps the added pack "Your bank statement" (version 99.0.0) as a story of its own, "${copyId}": its id "${china.id}" belongs to a story that comes with Context Lens, which an added pack can no longer replace.`,
      );
    },
  );

  it('writes nothing at a start that finds this version’s names stored and no copy under a bundled id', async () => {
    await storeBundledNames(BUNDLED_PACKS);
    await storeAddedPack(reader, entryOf(reader));
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const remove = vi.spyOn(fakeBrowser.storage.local, 'remove');
    await storeBundledNames(BUNDLED_PACKS);
    expect(set).not.toHaveBeenCalled();
    expect(remove).not.toHaveBeenCalled();
  });

  it('reads damaged records as missing, and says so, keeping every valid one', async () => {
    await fakeBrowser.storage.local.set({
      [PACK_KEYS.added.key]: [entryOf(reader), { id: 42 }],
      [PACK_KEYS.pack.key(reader.id)]: { ...reader, entities: 'broken' },
      [PACK_KEYS.names.key(reader.id)]: { packId: reader.id, entities: [{ id: 'x' }] },
    });
    const { packs, warnings } = await addedPacks();
    expect(packs).toEqual([entryOf(reader)]);
    expect(warnings).toEqual([{ code: 'packEntryDamaged' }]);
    expect(await readAddedPack(reader.id)).toBeNull();
    expect(await readPackNames([reader.id])).toEqual({ names: [], missing: [reader.id] });
  });

  it('tells watchers once per change, however many keys it wrote', async () => {
    let heard = 0;
    const stop = watchPacks(() => heard++);
    await storeAddedPack(reader, entryOf(reader));
    await new Promise((resolve) => setTimeout(resolve, 0));
    stop();
    expect(heard).toBe(1);
  });
});

describe('the names a page looks for', () => {
  it('are those of every story switched on, bundled first, asking the background once when none are stored', async () => {
    let asked = 0;
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      if ((message as { type?: string }).type !== 'seed-packs') return undefined;
      asked++;
      return storeBundledNames(BUNDLED_PACKS).then(() => true);
    });
    await storeAddedPack(reader, entryOf(reader));
    const lensNames = pageStories(startFirstReads());
    const all = await lensNames(applyPatch({}, {}));
    expect(asked).toBe(1);
    expect(all.stories.map((s) => s.id)).toEqual([china.id, huawei.id, reader.id]);
    // The reader's story is private until they make it public, and a change of that is a change of names.
    expect(all.stories.map((s) => s.private)).toEqual([false, false, true]);
    expect(all.key).toBe(
      `${china.id}@${china.version},${huawei.id}@${huawei.version},${reader.id}@${reader.version}#private`,
    );
    const shared = await lensNames(applyPatch({ stories: { [reader.id]: { public: true } } }, {}));
    expect(shared.stories.map((s) => s.private)).toEqual([false, false, false]);
    expect(shared.key).not.toBe(all.key);
    expect(all.shipped).toEqual([china.id, huawei.id]);
    expect((await all.readShipped()).map((n) => n.packId)).toEqual([china.id, huawei.id]);
    expect((await all.readAll()).map((n) => n.packId)).toEqual([china.id, huawei.id, reader.id]);
    const some = await lensNames(applyPatch({ stories: { [huawei.id]: { enabled: false } } }, {}));
    expect(some.stories.map((s) => s.id)).toEqual([china.id, reader.id]);
    const merged = mergePackNames(await some.readAll()).entities;
    expect(merged.find((e) => e.id === 'michael-hayden')?.stories).toEqual([
      { packId: reader.id, entityId: 'michael-hayden' },
    ]);
  });

  it('take a bundled story’s names from those that ship, never from a copy an older version listed under its id', async () => {
    await storeBundledNames(BUNDLED_PACKS);
    // Stored as an older version stored a reader's update of a bundled story, names included, and still
    // there when a page loads before the background has started: the page has the background take it out.
    const stale = { ...structuredClone(huawei), version: '99.0.0', title: 'A stale copy' };
    await fakeBrowser.storage.local.set({
      [PACK_KEYS.added.key]: [entryOf(stale)],
      [PACK_KEYS.pack.key(huawei.id)]: stale,
      [PACK_KEYS.names.key(huawei.id)]: { ...namesOf(stale), entities: [] },
    });
    let asked = 0;
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      if ((message as { type?: string }).type !== 'seed-packs') return undefined;
      asked++;
      return storeBundledNames(BUNDLED_PACKS).then(() => true);
    });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const names = await pageStories(startFirstReads())(applyPatch({}, {}));
    expect(asked).toBe(1);
    const copy = { ...stale, id: `${huawei.id}-copy` };
    expect(names.stories.map((s) => `${s.id}@${s.version}`)).toEqual([
      `${china.id}@${china.version}`,
      `${huawei.id}@${huawei.version}`,
      `${copy.id}@99.0.0`,
    ]);
    expect(names.shipped).toEqual([china.id, huawei.id]);
    expect(await names.readAll()).toEqual([namesOf(china), namesOf(huawei), namesOf(copy)]);
  });

  it('reads the store as soon as a page asks, before its settings are known, and afresh after', async () => {
    await storeBundledNames(BUNDLED_PACKS);
    const lensNames = pageStories(startFirstReads());
    // Stored after the page began reading: the first names are those the page read, the next include it.
    await storeAddedPack(reader, entryOf(reader));
    const first = await lensNames(applyPatch({}, {}));
    expect(first.stories.map((s) => s.id)).toEqual([china.id, huawei.id]);
    const next = await lensNames(applyPatch({}, {}));
    expect(next.stories.map((s) => s.id)).toEqual([china.id, huawei.id, reader.id]);
  });
});
